package com.videocall.admin.access.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import com.videocall.admin.access.AccessNotFoundException;
import com.videocall.admin.access.GrantedAccess;
import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AccessEndDates;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.InvitedAccess;
import com.videocall.admin.invitation.InvitedAccess.Change;
import com.videocall.admin.invitation.InvitedAccess.InvitedEnd;
import com.videocall.admin.invitation.web.Refusals;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.RelativeTime;
import com.videocall.admin.web.SecurityLog;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change end date" (LC1) of a role in the administrator's scope: a granted role, from
 * the person's page, or an invited one, from the Manage Invitation dialog. The form shows
 * the end as it is and sends it back ({@code current}): a form that is stale by then
 * changes nothing and shows the date as it is now, and the same form sent twice finds its
 * date already set. "Clear end date" removes the end. Anything outside scope is "not
 * found".
 */
@Controller
class ChangeEndDateController {

	private static final String FORM = "access/change-end-date";

	private static final String CLEAR = "clear";

	private final TimedRoleGrants grants;

	private final GrantedAccess granted;

	private final InvitedAccess invited;

	private final AccessEndDates dates;

	private final Refusals refusals;

	private final SecurityLog securityLog;

	private final MessageSource messages;

	private final AccountManagement accounts;

	private final Clock clock;

	ChangeEndDateController(TimedRoleGrants grants, GrantedAccess granted, InvitedAccess invited, AccessEndDates dates,
			Refusals refusals, SecurityLog securityLog, MessageSource messages, AccountManagement accounts,
			Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
		this.grants = grants;
		this.granted = granted;
		this.invited = invited;
		this.dates = dates;
		this.refusals = refusals;
		this.securityLog = securityLog;
		this.messages = messages;
	}

	@GetMapping("/users/{id}/end-date")
	String grantForm(AdministratorScope scope, @PathVariable long id, @RequestParam(required = false) Long area,
			@RequestParam(required = false) String role, Model model) {
		TimedGrant grant = grant(scope, id, area, role);
		return show(model, grantPage(grant), value(grant.accessUntil()), ErrorSummary.none());
	}

	@PostMapping("/users/{id}/end-date")
	String changeGrant(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestParam(required = false) Long area, @RequestParam(required = false) String role,
			@RequestParam(required = false) String current, @RequestParam(required = false) String accessUntil,
			@RequestParam(required = false) String action, Model model, RedirectAttributes redirect) {
		TimedGrant grant = grant(scope, id, area, role);
		Page page = grantPage(grant);
		Optional<Optional<LocalDate>> until = read(action, accessUntil);
		if (until.isEmpty()) {
			return show(model, page, accessUntil, errors(accessUntil));
		}
		Change change = this.granted.change(me.accountId(), message("history.source.changeEndDate"), grant,
				parse(current), until.get().orElse(null), this.clock.instant());
		return answer(change, page, until.get().orElse(null), redirect);
	}

	@GetMapping("/users/invitations/{invitationId}/roles/{roleId}/end-date")
	String invitedForm(AdministratorScope scope, @PathVariable long invitationId, @PathVariable long roleId,
			Model model, RedirectAttributes redirect) {
		try {
			InvitedEnd role = this.invited.find(scope, invitationId, roleId);
			return show(model, invitedPage(role), value(role.accessUntil()), ErrorSummary.none());
		}
		catch (ActionRefusedException refused) {
			this.refusals.flash(refused, redirect);
			return "redirect:/users/invitations/" + invitationId;
		}
	}

	@PostMapping("/users/invitations/{invitationId}/roles/{roleId}/end-date")
	String changeInvited(AdministratorScope scope, @AuthenticationPrincipal AccountUser me,
			@PathVariable long invitationId, @PathVariable long roleId, @RequestParam(required = false) String current,
			@RequestParam(required = false) String accessUntil, @RequestParam(required = false) String action,
			Model model, RedirectAttributes redirect) {
		try {
			InvitedEnd role = this.invited.find(scope, invitationId, roleId);
			Page page = invitedPage(role);
			Optional<Optional<LocalDate>> until = read(action, accessUntil);
			if (until.isEmpty()) {
				return show(model, page, accessUntil, errors(accessUntil));
			}
			Change change = this.invited.changeAccessUntil(scope, me, invitationId, roleId, parse(current),
					until.get().orElse(null), message("history.source.dialog"));
			return answer(change, page, until.get().orElse(null), redirect);
		}
		catch (ActionRefusedException refused) {
			this.refusals.flash(refused, redirect);
			return "redirect:/users/invitations/" + invitationId;
		}
	}

	/**
	 * The grant of the role in the area to the person, in scope; "not found" otherwise.
	 */
	private TimedGrant grant(AdministratorScope scope, long accountId, Long areaId, String roleName) {
		Role role = (roleName != null)
				? Arrays.stream(Role.values()).filter((r) -> r.name().equals(roleName)).findFirst().orElse(null) : null;
		if (areaId == null || role == null) {
			throw new AccessNotFoundException("role " + roleName + " of account " + accountId);
		}
		if (!scope.covers(areaId)) {
			this.securityLog.outOfScope(scope.accountId(), "the roles of account " + accountId + " in area " + areaId);
		}
		return this.grants.find(scope, accountId, areaId, role)
			.orElseThrow(() -> new AccessNotFoundException("role " + role + " of account " + accountId));
	}

	/**
	 * The new end: empty when the date typed cannot be used; inside it, empty for "Clear
	 * end date".
	 */
	private Optional<Optional<LocalDate>> read(String action, String accessUntil) {
		if (CLEAR.equals(action)) {
			return Optional.of(Optional.empty());
		}
		AccessEndDates.Read read = this.dates.read(accessUntil);
		return (read.isValid() && read.date().isPresent()) ? Optional.of(read.date()) : Optional.empty();
	}

	private ErrorSummary errors(String accessUntil) {
		AccessEndDates.Read read = this.dates.read(accessUntil);
		String text = read.isValid() ? message("accessEnd.required")
				: message(read.errorCode(), AccessEndDates.MOST_YEARS_AHEAD);
		return ErrorSummary.none().and("accessUntil", text);
	}

	private String answer(Change change, Page page, LocalDate until, RedirectAttributes redirect) {
		if (change == Change.STALE) {
			Banner.flash(redirect, Kind.ERROR, "accessEnd.stale");
			return "redirect:" + page.formUrl();
		}
		String code = switch (change) {
			case ALREADY -> "accessEnd.unchanged";
			default -> (until != null) ? "accessEnd.changed" : "accessEnd.cleared";
		};
		Banner.flash(redirect, (change == Change.ALREADY) ? Kind.INFORMATION : Kind.SUCCESS, code, page.personName(),
				page.roleLabel(), page.areaName(), (until != null) ? RelativeTime.day(until) : "");
		return "redirect:" + page.backUrl();
	}

	private String show(Model model, Page page, String value, ErrorSummary errors) {
		model.addAttribute("page", page);
		model.addAttribute("value", value);
		model.addAttribute("errorSummary", errors);
		model.addAttribute("timeZone", this.dates.zone());
		model.addAttribute("currentDay", (page.accessUntil() != null) ? RelativeTime.day(page.accessUntil()) : null);
		return FORM;
	}

	private Page grantPage(TimedGrant grant) {
		String url = "/users/" + grant.accountId() + "/end-date";
		return new Page(this.accounts.get(grant.accountId()).getDisplayName(), message(grant.role().labelCode()),
				grant.areaName(), grant.accessUntil(), url,
				url + "?area=" + grant.areaId() + "&role=" + grant.role().name(), "/users/" + grant.accountId(),
				grant.areaId(), grant.role().name());
	}

	private Page invitedPage(InvitedEnd role) {
		String url = "/users/invitations/" + role.invitationId() + "/roles/" + role.roleId() + "/end-date";
		return new Page(role.personName(), message(role.role().labelCode()), role.areaName(), role.accessUntil(), url,
				url, "/users/invitations/" + role.invitationId(), null, null);
	}

	private static String value(LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

	/** The date the form showed: an ISO date, or none; anything else as none. */
	private static LocalDate parse(String current) {
		try {
			return (current == null || current.isBlank()) ? null : LocalDate.parse(current);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	/**
	 * What the form shows: whose role, where, its end now; where it posts
	 * ({@code postUrl}, with {@code area} and {@code role} for a granted role), where it
	 * is shown again ({@code formUrl}) and where it returns ({@code backUrl}).
	 */
	record Page(String personName, String roleLabel, String areaName, LocalDate accessUntil, String postUrl,
			String formUrl, String backUrl, Long area, String role) {
	}

}
