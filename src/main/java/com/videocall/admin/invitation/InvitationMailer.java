package com.videocall.admin.invitation;

import java.util.Set;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.invitation.HistoryRecorder.HistoryEntryRecorded;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.LinkSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.mail.OutgoingEmail;
import com.videocall.admin.mail.Outbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the invitation module's emails from what happened: the only place it writes to
 * the outbox. An email that carries a link is queued for the history entry of the change
 * that sent it, so it shows to the administrators who read that entry; its link token is
 * what the outbox must remove from its stored copy once the email has left.
 * <p>
 * Plain {@code @EventListener}s, not Spring Modulith's {@code @ApplicationModuleListener}
 * (asynchronous, after the commit): an email is queued in the transaction of the change
 * that causes it, so both commit or neither does (X6).
 */
@Component
class InvitationMailer {

	private final InvitationEmails emails;

	private final Outbox outbox;

	private final AccountManagement accounts;

	InvitationMailer(InvitationEmails emails, Outbox outbox, AccountManagement accounts) {
		this.emails = emails;
		this.outbox = outbox;
		this.accounts = accounts;
	}

	@EventListener
	void linkSent(HistoryEntryRecorded recorded) {
		if (recorded.event() instanceof LinkSent sent) {
			OutgoingEmail email = this.emails.invitation(this.accounts.get(sent.accountId()).getEmail(), sender(sent),
					sent.offered(), customMessage(sent), sent.link().token(), sent.link().expiresAt(),
					sent instanceof ReminderSent);
			this.outbox.queue(email, topic(sent.invitationId()), reference(recorded.entryId()),
					Set.of(sent.link().token()), sent.at());
		}
	}

	/**
	 * Who the email says invited the person: the administrator who acted, or, for a link
	 * the invitee asked for, the one who sent the invitation (null: "someone").
	 */
	private String sender(LinkSent sent) {
		if (sent instanceof InvitationSent invited) {
			return invited.by().name();
		}
		if (sent instanceof RolesOffered offered) {
			return offered.by().name();
		}
		if (sent instanceof ReminderSent reminder) {
			return reminder.by().name();
		}
		Long inviter = ((NewLinkRequested) sent).invitedBy();
		return (inviter != null) ? this.accounts.get(inviter).getDisplayName() : null;
	}

	private static String customMessage(LinkSent sent) {
		if (sent instanceof InvitationSent invited) {
			return invited.customMessage();
		}
		return (sent instanceof RolesOffered offered) ? offered.customMessage() : null;
	}

	@EventListener
	void rolesGranted(RolesGranted granted) {
		this.outbox.queue(this.emails.rolesGranted(granted.email(), granted.by().name(), granted.roles(),
				granted.customMessage()), null, null, Set.of(), granted.at());
	}

	// The history reads an invitation's emails by these two
	// (InvitationHistory.visibleTo).
	private static String topic(long invitationId) {
		return "invitation:" + invitationId;
	}

	private static String reference(long entryId) {
		return "invitation-event:" + entryId;
	}

}
