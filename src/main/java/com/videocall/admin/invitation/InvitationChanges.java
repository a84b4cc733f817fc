package com.videocall.admin.invitation;

import java.util.List;

import com.videocall.admin.invitation.InvitationEvent.LinkSent;

import org.springframework.stereotype.Component;

/**
 * Saves a changed {@link Invitation} and does, in the caller's transaction, what its
 * change means inside this module: the history entry ({@link HistoryRecorder}) and, for a
 * change that emails a link, the email queued for that entry ({@link InvitationMailer}),
 * so an entry and its email commit together or not at all (X6). Plain calls: a use case
 * leads to its history and its email the way a reader follows it. Saving through the
 * repository also publishes the events to listeners outside this path (the metrics, after
 * the commit), which is where other modules will listen.
 * <p>
 * The only caller of {@link InvitationRepository}'s save ({@code InvitationSavingTests}).
 */
@Component
class InvitationChanges {

	private final InvitationRepository invitations;

	private final HistoryRecorder history;

	private final InvitationMailer mailer;

	InvitationChanges(InvitationRepository invitations, HistoryRecorder history, InvitationMailer mailer) {
		this.invitations = invitations;
		this.history = history;
		this.mailer = mailer;
	}

	/**
	 * Saves the invitation and records what happened to it; {@code inviteeEmail} is where
	 * a new link goes, read once by the caller.
	 */
	void save(Invitation invitation, String inviteeEmail) {
		List<InvitationEvent> happened = invitation.events();
		this.invitations.saveAndFlush(invitation);
		for (InvitationEvent event : happened) {
			long entry = this.history.record(event);
			if (event instanceof LinkSent sent) {
				this.mailer.linkSent(sent, entry, inviteeEmail);
			}
		}
	}

}
