package com.videocall.admin.invitation.web;

import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.InvitationEndedException;
import com.videocall.admin.invitation.NoRoleLeftException;
import com.videocall.admin.invitation.NothingSelectedException;
import com.videocall.admin.invitation.ReminderTooSoonException;
import com.videocall.admin.invitation.RolesUnchangedException;
import com.videocall.admin.invitation.UndoRefusedException;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.RelativeTime;

import org.springframework.modulith.NamedInterface;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The banner of an invitation action that changed nothing: too soon, changed meanwhile
 * (also when the version check happened in the database), already ended, nothing
 * selected, no role left or nothing to change (Change Roles), Undo refused. The action's
 * page goes back where it came from, which then shows the current state (X5). Offered to
 * the worklist's and Undo's pages.
 */
@Component
@NamedInterface("actions")
public class Refusals {

	private final RelativeTime times;

	Refusals(RelativeTime times) {
		this.times = times;
	}

	/**
	 * The banner that says why nothing changed, for the page the redirect shows: for an
	 * {@link ActionRefusedException}, or for an
	 * {@link ObjectOptimisticLockingFailureException} (another administrator's change to
	 * the same version committed first, X5).
	 */
	public void flash(RuntimeException refusal, RedirectAttributes attributes) {
		if (refusal instanceof ReminderTooSoonException tooSoon) {
			Banner.flash(attributes, Kind.ERROR, "reminder.tooSoon", this.times.dateTime(tooSoon.nextPossibleAt()));
		}
		else if (refusal instanceof InvitationEndedException ended) {
			Banner.flash(attributes, Kind.INFORMATION, "invitation.ended." + ended.status());
		}
		else if (refusal instanceof UndoRefusedException undo) {
			Banner.flash(attributes,
					(undo.reason() == UndoRefusedException.Reason.ALREADY_UNDONE) ? Kind.INFORMATION : Kind.ERROR,
					"undo.refused." + undo.reason());
		}
		else if (refusal instanceof NothingSelectedException) {
			Banner.flash(attributes, Kind.ERROR, "invitation.nothingSelected");
		}
		else if (refusal instanceof NoRoleLeftException) {
			Banner.flash(attributes, Kind.ERROR, "changeRoles.keepOne");
		}
		else if (refusal instanceof RolesUnchangedException) {
			Banner.flash(attributes, Kind.ERROR, "changeRoles.nothingChosen");
		}
		else {
			Banner.flash(attributes, Kind.ERROR, "invitation.changed");
		}
	}

}
