package com.videocall.admin.access.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import com.videocall.admin.access.AccessNotFoundException;
import com.videocall.admin.access.GrantedAccess;
import com.videocall.admin.access.web.EndDateForm.Page;
import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;
import com.videocall.admin.invitation.InvitedAccess.Change;
import com.videocall.admin.web.SecurityLog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change end date" (LC1) of a role a person holds, from their page: the role is named by
 * its area and name; one outside the administrator's scope is "not found" and logged. A
 * stale form changes nothing, the same form twice finds its date set.
 */
@Controller
class GrantEndDateController {

	private static final String PATH = "/users/{id}/end-date";

	private final TimedRoleGrants grants;

	private final GrantedAccess granted;

	private final EndDateForm form;

	private final AccountManagement accounts;

	private final SecurityLog securityLog;

	private final Clock clock;

	GrantEndDateController(TimedRoleGrants grants, GrantedAccess granted, EndDateForm form, AccountManagement accounts,
			SecurityLog securityLog, Clock clock) {
		this.grants = grants;
		this.granted = granted;
		this.form = form;
		this.accounts = accounts;
		this.securityLog = securityLog;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String form(AdministratorScope scope, @PathVariable long id, @RequestParam(required = false) Long area,
			@RequestParam(required = false) String role, Model model) {
		return this.form.show(model, page(grant(scope, id, area, role)));
	}

	@PostMapping(PATH)
	String change(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestParam(required = false) Long area, @RequestParam(required = false) String role,
			@RequestParam(required = false) String current, @RequestParam(required = false) String accessUntil,
			@RequestParam(required = false) String action, Model model, RedirectAttributes redirect) {
		TimedGrant grant = grant(scope, id, area, role);
		Page page = page(grant);
		Optional<Optional<LocalDate>> until = this.form.read(action, accessUntil);
		if (until.isEmpty()) {
			return this.form.refuse(model, page, accessUntil);
		}
		Change change = this.granted.change(me.accountId(), this.form.message("history.source.changeEndDate"), grant,
				EndDateForm.current(current), until.get().orElse(null), this.clock.instant());
		return this.form.answer(change, page, until.get().orElse(null), redirect);
	}

	/**
	 * The grant of the role in the area to the person, in scope; "not found" otherwise.
	 */
	private TimedGrant grant(AdministratorScope scope, long accountId, Long areaId, String roleName) {
		Role role = Arrays.stream(Role.values()).filter((r) -> r.name().equals(roleName)).findFirst().orElse(null);
		if (areaId == null || role == null) {
			throw new AccessNotFoundException("role " + roleName + " of account " + accountId);
		}
		if (!scope.covers(areaId)) {
			this.securityLog.outOfScope(scope.accountId(), "the roles of account " + accountId + " in area " + areaId);
		}
		return this.grants.find(scope, accountId, areaId, role)
			.orElseThrow(() -> new AccessNotFoundException("role " + role + " of account " + accountId));
	}

	private Page page(TimedGrant grant) {
		String url = "/users/" + grant.accountId() + "/end-date";
		return new Page(this.accounts.get(grant.accountId()).getDisplayName(),
				this.form.message(grant.role().labelCode()), grant.areaName(), grant.accessUntil(), url,
				url + "?area=" + grant.areaId() + "&role=" + grant.role().name(), "/users/" + grant.accountId(),
				grant.areaId(), grant.role().name());
	}

}
