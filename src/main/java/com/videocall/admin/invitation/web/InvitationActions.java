package com.videocall.admin.invitation.web;

import java.util.function.Supplier;

import com.videocall.admin.invitation.InvitationChangedException;
import com.videocall.admin.invitation.InvitationEndedException;
import com.videocall.admin.invitation.NothingSelectedException;
import com.videocall.admin.invitation.ReminderTooSoonException;
import com.videocall.admin.invitation.UndoRefusedException;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.RelativeTime;

import org.springframework.modulith.NamedInterface;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an invitation action and turns its outcome into a banner and a redirect. Refusals
 * (too soon, changed meanwhile, already ended, nothing selected, Undo refused) change
 * nothing and go back to the page the action came from, which then shows the current
 * state (X5). Offered to the pages of other modules that act on invitations (the
 * worklist, Undo).
 */
@Component
@NamedInterface("actions")
public class InvitationActions {

	private final RelativeTime times;

	InvitationActions(RelativeTime times) {
		this.times = times;
	}

	public String run(RedirectAttributes attributes, String back, Supplier<Done> action) {
		try {
			Done done = action.get();
			done.banner().flash(attributes);
			return "redirect:" + done.target();
		}
		catch (ReminderTooSoonException ex) {
			Banner.flash(attributes, Kind.ERROR, "reminder.tooSoon", this.times.dateTime(ex.nextPossibleAt()));
		}
		catch (InvitationChangedException | ObjectOptimisticLockingFailureException ex) {
			Banner.flash(attributes, Kind.ERROR, "invitation.changed");
		}
		catch (InvitationEndedException ex) {
			Banner.flash(attributes, Kind.INFORMATION, "invitation.ended." + ex.status());
		}
		catch (UndoRefusedException ex) {
			Banner.flash(attributes,
					(ex.reason() == UndoRefusedException.Reason.ALREADY_UNDONE) ? Kind.INFORMATION : Kind.ERROR,
					"undo.refused." + ex.reason());
		}
		catch (NothingSelectedException ex) {
			Banner.flash(attributes, Kind.ERROR, "invitation.nothingSelected");
		}
		return "redirect:" + back;
	}

	/** A successful action: its banner and where to show it. */
	public record Done(Banner banner, String target) {
	}

}
