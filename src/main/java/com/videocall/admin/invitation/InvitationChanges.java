package com.videocall.admin.invitation;

import java.util.List;

import com.videocall.admin.invitation.InvitationEvent.LinkSent;
import com.videocall.admin.invitation.InvitationEvent.RolesChanged;

import org.springframework.stereotype.Component;

/**
 * Saves a changed {@link Invitation} and does, in the caller's transaction, what its
 * change means inside this module: for a change that emails a link, the email, queued
 * with the event's reference ({@link InvitationMailer}). Plain calls: a use case leads to
 * its email the way a reader follows it. Saving through the repository publishes the
 * events, in the same transaction, to the listeners of other modules: the activity trail
 * records each (the invitation's history, AC4) before the transaction commits, so an
 * entry, its change and its email commit together or not at all (X6); the metrics count
 * them after the commit.
 * <p>
 * The only caller of {@link InvitationRepository}'s save ({@code InvitationSavingTests}).
 */
@Component
class InvitationChanges {

	private final InvitationRepository invitations;

	private final InvitationMailer mailer;

	InvitationChanges(InvitationRepository invitations, InvitationMailer mailer) {
		this.invitations = invitations;
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
			if (event instanceof LinkSent sent) {
				this.mailer.linkSent(sent, inviteeEmail);
			}
			else if (event instanceof RolesChanged changed && !changed.added().isEmpty()) {
				this.mailer.rolesAdded(changed, inviteeEmail);
			}
		}
	}

}
