package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.invitation.InvitationEmails.ExpiredInvitation;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.LinkSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RolesChanged;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.mail.Outbox;
import com.videocall.admin.mail.OutgoingEmail;

import org.springframework.stereotype.Component;

/**
 * Queues the invitation module's emails from what happened: the only place it writes to
 * the outbox. An email that carries a link is queued for the history entry of the change
 * that sent it, so it shows to the administrators who read that entry; its link token is
 * what the outbox must remove from its stored copy once the email has left.
 * <p>
 * Called in the transaction of the change that causes the email, so both commit or
 * neither does (X6): by {@link InvitationChanges} for a link, by
 * {@link InvitationManagement} for roles granted to an active account, by
 * {@link InviterNotices} for what the administrators who invited hear back.
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

	/**
	 * Emails the new link to {@code inviteeEmail}, naming the event that sent it, whose
	 * entry in the activity trail shows the email to those who read it.
	 */
	void linkSent(LinkSent sent, String inviteeEmail) {
		OutgoingEmail email = this.emails.invitation(inviteeEmail, sender(sent), sent.offered(), customMessage(sent),
				sent.link().token(), sent.link().expiresAt(), sent instanceof ReminderSent);
		this.outbox.queue(email, topic(sent.invitationId()), reference(sent.reference()), Set.of(sent.link().token()),
				sent.at());
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

	/**
	 * Tells the invitee that roles were added to their invitation (LC4): no new link, so
	 * the one they have keeps working; named, as a link's email is, by the change's
	 * reference.
	 */
	void rolesAdded(RolesChanged changed, String inviteeEmail) {
		OutgoingEmail email = this.emails.rolesAdded(inviteeEmail, changed.by().name(), changed.offered(),
				changed.linkExpiresAt(), !changed.at().isBefore(changed.linkExpiresAt()));
		this.outbox.queue(email, topic(changed.invitationId()), reference(changed.reference()), Set.of(), changed.at());
	}

	/**
	 * An email to an administrator who invited ({@link InviterNotices}): under the
	 * invitation's topic, for no history entry, since administrators of other areas read
	 * the entry.
	 */
	void toInviter(OutgoingEmail email, long invitationId, Instant at) {
		this.outbox.queue(email, topic(invitationId), null, Set.of(), at);
	}

	/**
	 * Tells an administrator of the invitations they sent that expired (LC2), in one
	 * email; tagged with no event and no invitation's topic, so that no other
	 * administrator reading an invitation's history sees it (it names this
	 * administrator). Its topic {@value #EXPIRED_TOPIC} and its moment, the moment the
	 * invitations it lists ended, are how the retention job finds it again (LC3).
	 */
	void invitationsExpired(String administratorEmail, List<ExpiredInvitation> invitations, Instant at) {
		this.outbox.queue(this.emails.invitationsExpired(administratorEmail, invitations), EXPIRED_TOPIC, null,
				Set.of(), at);
	}

	void rolesGranted(RolesGranted granted) {
		this.outbox.queue(this.emails.rolesGranted(granted.email(), granted.by().name(), granted.roles(),
				granted.customMessage()), null, null, Set.of(), granted.at());
	}

	/**
	 * The outbox topic of an invitation's emails, followed by its id: in SQL
	 * {@code invitation_topic(id)} and {@code topic_invitation(topic)}
	 * (R__invitation_links.sql), by which the history and the worklist read them back.
	 */
	static final String TOPIC = "invitation:";

	/**
	 * The outbox topic of the emails that tell an administrator which invitations expired
	 * (LC2), which name no one invitation.
	 */
	static final String EXPIRED_TOPIC = "invitations-expired";

	/**
	 * The outbox reference of the event that queued an email, followed by its
	 * {@link LinkSent#reference()}, by which the activity trail finds its entry: in SQL
	 * {@code invitation_event_reference(id)} and
	 * {@code reference_invitation_event(reference)}.
	 */
	static final String REFERENCE = "invitation-event:";

	static String topic(long invitationId) {
		return TOPIC + invitationId;
	}

	private static String reference(long eventReference) {
		return REFERENCE + eventReference;
	}

}
