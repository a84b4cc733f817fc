package com.videocall.admin.mail;

import java.time.Instant;

/** What happened to one queued email, for showing next to its invitation. */
public record EmailDelivery(long id, String recipient, String subject, EmailStatus status, int attempts,
		Instant createdAt, Instant sentAt, String lastError) {
}
