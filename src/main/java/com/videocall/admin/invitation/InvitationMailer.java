package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationTokens.NewToken;
import com.videocall.admin.mail.Outbox;

import org.springframework.stereotype.Component;

/**
 * Issues a fresh link on an invitation and queues the email that carries it, in the
 * caller's transaction. The token leaves this method only inside the email.
 */
@Component
class InvitationMailer {

	private final InvitationTokens tokens;

	private final InvitationEmails emails;

	private final Outbox outbox;

	private final InvitationProperties properties;

	InvitationMailer(InvitationTokens tokens, InvitationEmails emails, Outbox outbox, InvitationProperties properties) {
		this.tokens = tokens;
		this.emails = emails;
		this.outbox = outbox;
		this.properties = properties;
	}

	/**
	 * {@code causeEventId} is the history entry of the action that sends the link, which
	 * decides who sees the email next to the invitation.
	 */
	void sendLink(Invitation invitation, String email, String sender, String customMessage, boolean reminder,
			Instant now, long causeEventId) {
		NewToken token = this.tokens.next();
		invitation.issueLink(token.sha256(), now, this.properties.linkValidity());
		List<RoleOffer> offered = invitation.getRoles().stream().map(InvitedRole::offer).toList();
		this.outbox.queue(this.emails.invitation(email, sender, offered, customMessage, token.token(),
				invitation.getLinkExpiresAt(), reminder), invitation.getId(), causeEventId);
	}

}
