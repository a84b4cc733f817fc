package com.videocall.admin.access.web;

import java.time.LocalDate;
import java.util.Optional;

import com.videocall.admin.access.web.EndDateForm.Page;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.InvitedAccess;
import com.videocall.admin.invitation.InvitedAccess.Change;
import com.videocall.admin.invitation.InvitedAccess.InvitedEnd;
import com.videocall.admin.invitation.web.Refusals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change end date" (LC1) of an invited role, from the Manage Invitation dialog, through
 * the invitation (its history records it). An invitation that has ended meanwhile answers
 * with the dialog's banner; a role outside scope is "not found".
 */
@Controller
class InvitedEndDateController {

	private static final String PATH = "/users/invitations/{invitationId}/roles/{roleId}/end-date";

	private final InvitedAccess invited;

	private final EndDateForm form;

	private final Refusals refusals;

	InvitedEndDateController(InvitedAccess invited, EndDateForm form, Refusals refusals) {
		this.invited = invited;
		this.form = form;
		this.refusals = refusals;
	}

	@GetMapping(PATH)
	String form(AdministratorScope scope, @PathVariable long invitationId, @PathVariable long roleId, Model model,
			RedirectAttributes redirect) {
		try {
			return this.form.show(model, page(this.invited.find(scope, invitationId, roleId)));
		}
		catch (ActionRefusedException refused) {
			this.refusals.flash(refused, redirect);
			return "redirect:/users/invitations/" + invitationId;
		}
	}

	@PostMapping(PATH)
	String change(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long invitationId,
			@PathVariable long roleId, @RequestParam(required = false) String current,
			@RequestParam(required = false) String accessUntil, @RequestParam(required = false) String action,
			Model model, RedirectAttributes redirect) {
		try {
			Page page = page(this.invited.find(scope, invitationId, roleId));
			Optional<Optional<LocalDate>> until = this.form.read(action, accessUntil);
			if (until.isEmpty()) {
				return this.form.refuse(model, page, accessUntil);
			}
			Change change = this.invited.changeAccessUntil(scope, me, invitationId, roleId,
					EndDateForm.current(current), until.get().orElse(null), this.form.message("history.source.dialog"));
			return this.form.answer(change, page, until.get().orElse(null), redirect);
		}
		catch (ActionRefusedException refused) {
			this.refusals.flash(refused, redirect);
			return "redirect:/users/invitations/" + invitationId;
		}
	}

	private Page page(InvitedEnd role) {
		String url = "/users/invitations/" + role.invitationId() + "/roles/" + role.roleId() + "/end-date";
		return new Page(role.personName(), this.form.message(role.role().labelCode()), role.areaName(),
				role.accessUntil(), url, url, "/users/invitations/" + role.invitationId(), null, null);
	}

}
