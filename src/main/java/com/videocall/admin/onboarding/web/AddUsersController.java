package com.videocall.admin.onboarding.web;

import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AccessEndDates;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.web.AreaPages;
import com.videocall.admin.invitation.AddUsersOutcome;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InviteeProblemsException;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.ErrorSummary;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add Users" from an area's people list (A1, A2): all listed people are added, or none.
 */
@Controller
class AddUsersController {

	private static final String FORM = "invitations/add-users";

	private static final List<String> FIELDS = List.of("recipients", "roles", "customMessage", "accessUntil");

	/** Thymeleaf numbers a group of checkboxes' ids: the first role's box is "roles1". */
	private static final Map<String, String> FIELD_IDS = Map.of("roles", "roles1");

	private final AreaPages areas;

	private final InvitationManagement management;

	private final MessageSource messages;

	private final AccessEndDates endDates;

	AddUsersController(AreaPages areas, InvitationManagement management, MessageSource messages,
			AccessEndDates endDates) {
		this.endDates = endDates;
		this.areas = areas;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping(AreaPages.AREA + "/add-users")
	String form(AdministratorScope scope, @PathVariable String kind, @PathVariable long areaId, Model model) {
		return show(this.areas.area(scope, kind, areaId), AddUsersForm.empty(), ErrorSummary.none(), model);
	}

	@PostMapping(AreaPages.AREA + "/add-users")
	String add(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable String kind,
			@PathVariable long areaId, @Valid @ModelAttribute("form") AddUsersForm form, BindingResult result,
			Model model, RedirectAttributes attributes) {
		AreaSummary area = this.areas.area(scope, kind, areaId);
		List<Role> roles = form.rolesOf(area.kind());
		if (roles.isEmpty()) {
			result.rejectValue("roles", "addUsers.roles.required");
		}
		AccessEndDates.Read until = this.endDates.read(form.accessUntil());
		if (!until.isValid()) {
			result.rejectValue("accessUntil", until.errorCode(), new Object[] { AccessEndDates.MOST_YEARS_AHEAD },
					null);
		}
		ErrorSummary errors = ErrorSummary.of(result, this.messages, FIELDS, FIELD_IDS);
		if (!errors.isEmpty()) {
			return show(area, form, errors, model);
		}
		List<RoleOffer> offers = roles.stream().map((role) -> new RoleOffer(role, area.id(), until.orNull())).toList();
		try {
			AddUsersOutcome outcome = this.management.addUsers(scope, me, offers, form.recipients(),
					form.customMessage(), source(area));
			banner(outcome).flash(attributes);
			return "redirect:" + AreaPages.peopleUrl(area, "");
		}
		catch (InviteeProblemsException problems) {
			return show(area, form, problems(problems), model);
		}
		catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException ex) {
			// Another administrator added the same person at that moment (a new account,
			// or the same pending invitation): everything was rolled back.
			return show(area, form, ErrorSummary.none().and("recipients", message("addUsers.concurrent")), model);
		}
	}

	private String show(AreaSummary area, AddUsersForm form, ErrorSummary errors, Model model) {
		model.addAttribute("errorSummary", errors);
		model.addAttribute("area", area);
		model.addAttribute("form", form);
		model.addAttribute("roles", Role.of(area.kind()));
		model.addAttribute("timeZone", this.endDates.zone());
		model.addAttribute("peopleUrl", AreaPages.peopleUrl(area, ""));
		return FORM;
	}

	private static Banner banner(AddUsersOutcome outcome) {
		Banner banner = null;
		banner = line(banner, "addUsers.invited", outcome.invited());
		banner = line(banner, "addUsers.extended", outcome.extended());
		banner = line(banner, "addUsers.granted", outcome.granted());
		banner = line(banner, "addUsers.unchanged", outcome.unchanged());
		return banner;
	}

	private static Banner line(Banner banner, String code, List<String> emails) {
		if (emails.isEmpty()) {
			return banner;
		}
		String joined = String.join(", ", emails);
		if (banner == null) {
			return Banner.of("addUsers.unchanged".equals(code) ? Kind.INFORMATION : Kind.SUCCESS, code, joined);
		}
		return banner.and(code, joined);
	}

	/** Every problem with the people typed, each a message about the recipients field. */
	private ErrorSummary problems(InviteeProblemsException problems) {
		ErrorSummary errors = ErrorSummary.none();
		if (problems.isEmpty()) {
			errors = errors.and("recipients", message("addUsers.problem.empty"));
		}
		if (problems.isTooMany()) {
			errors = errors.and("recipients", message("addUsers.problem.tooMany"));
		}
		errors = listed(errors, "addUsers.problem.malformed", problems.malformed());
		errors = listed(errors, "addUsers.problem.unknownNames", problems.unknownNames());
		errors = listed(errors, "addUsers.problem.ambiguousNames", problems.ambiguousNames());
		return listed(errors, "addUsers.problem.disabled", problems.disabled());
	}

	private ErrorSummary listed(ErrorSummary errors, String code, List<String> values) {
		return values.isEmpty() ? errors : errors.and("recipients", message(code, String.join(", ", values)));
	}

	private String source(AreaSummary area) {
		return message("history.source.addUsers", area.name());
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
