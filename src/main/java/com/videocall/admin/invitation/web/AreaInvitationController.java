package com.videocall.admin.invitation.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.web.AreaPages;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action menu of a pending person in an area's list (O3, W3, R2): "Resend Invitation"
 * and "Cancel Invitation", which removes only this area's invited roles.
 */
@Controller
class AreaInvitationController {

	private final AreaPages areas;

	private final InvitationManagement management;

	private final Refusals refusals;

	private final MessageSource messages;

	private final UndoOffer undo;

	AreaInvitationController(AreaPages areas, InvitationManagement management, Refusals refusals,
			MessageSource messages, UndoOffer undo) {
		this.undo = undo;
		this.areas = areas;
		this.management = management;
		this.refusals = refusals;
		this.messages = messages;
	}

	@PostMapping(AreaPages.AREA + "/invitations/{id}/reminder")
	String resend(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable String kind,
			@PathVariable long areaId, @PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "") String name, RedirectAttributes attributes) {
		AreaSummary area = this.areas.area(scope, kind, areaId);
		String back = AreaPages.peopleUrl(area, name);
		try {
			String email = this.management.remind(scope, me, id, version, source(area), area.id());
			Banner.flash(attributes, Kind.SUCCESS, "reminder.sent", email);
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + back;
	}

	@PostMapping(AreaPages.AREA + "/invitations/{id}/cancellation")
	String cancel(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable String kind,
			@PathVariable long areaId, @PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "") String name, RedirectAttributes attributes) {
		AreaSummary area = this.areas.area(scope, kind, areaId);
		String back = AreaPages.peopleUrl(area, name);
		try {
			RemovalOutcome outcome = this.management.cancelForArea(scope, me, id, version, area.id(), source(area));
			// Says, as the dialog does, whether the invitation ended or remains for other
			// areas (named or not, whoever administers them).
			Banner banner = Banner.of(Kind.SUCCESS, "invitation.cancelledForArea", outcome.email(), area.name());
			banner = banner.and(outcome.cancelled() ? "invitation.cancelled" : "invitation.remainsElsewhere",
					outcome.email());
			this.undo.on(banner, outcome, back).flash(attributes);
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + back;
	}

	private String source(AreaSummary area) {
		String list = this.messages.getMessage(area.kind().peopleTitleCode(), null, LocaleContextHolder.getLocale());
		return this.messages.getMessage("history.source.area", new Object[] { list, area.name() },
				LocaleContextHolder.getLocale());
	}

}
