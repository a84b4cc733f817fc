package com.videocall.admin.mail;

import java.time.Instant;

import com.videocall.admin.account.EmailAddresses;

/** What happened to one queued email, for showing next to its invitation. */
public record EmailDelivery(long id, String recipient, String subject, EmailStatus status, int attempts,
		Instant createdAt, Instant sentAt, String lastError) {

	/**
	 * Whether the recipient's address was removed with the rest of their personal data
	 * (LC3): pages then say "removed" instead of showing the placeholder.
	 */
	public boolean recipientRemoved() {
		return EmailAddresses.isRemoved(this.recipient);
	}

}
