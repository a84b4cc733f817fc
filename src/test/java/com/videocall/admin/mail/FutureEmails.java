package com.videocall.admin.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.TestOrganisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails queued a century ahead, which no application's scheduled dispatcher finds due
 * (their clocks run at most weeks ahead), so that a test alone decides when they are
 * delivered: with its own {@link OutboxDispatcher} on {@link #clock}.
 */
final class FutureEmails {

	private static final Duration AHEAD = Duration.ofDays(36_500);

	final MutableClock clock = new MutableClock();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	FutureEmails(JdbcClient jdbc, TransactionTemplate transactions, MailProperties properties) {
		this.clock.advance(AHEAD);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = new Outbox(jdbc, properties);
	}

	/** A fresh recipient of the reserved test domain. */
	static String recipient(String who) {
		return who + "-" + TestOrganisation.tag() + "@test.invalid";
	}

	/**
	 * Queues an invitation email whose link carries {@code token}, which it names as the
	 * email's secret as the invitation module does; returns its id.
	 */
	long queueInvitation(String recipient, String token) {
		String link = "http://localhost:8080/invitation/" + token;
		OutgoingEmail email = new OutgoingEmail(recipient, "You are invited to Video Call Admin",
				"Set up your account:\n" + link + "\n", "<p><a href=\"" + link + "\">" + link + "</a></p>");
		return queue(email, Set.of(token));
	}

	/** Queues an email with the parts of its text named secret; returns its id. */
	long queue(OutgoingEmail email, Set<String> secrets) {
		return this.transactions.execute((status) -> {
			this.outbox.queue(email, null, null, secrets, this.clock.instant());
			return this.jdbc.sql("select max(id) from outbound_email where recipient = ?")
				.param(email.recipient())
				.query(Long.class)
				.single();
		});
	}

	Stored stored(long id) {
		return this.jdbc.sql("""
				select status, attempts, last_error, next_attempt_at, text_body, html_body, message_id
				from outbound_email where id = ?
				""")
			.param(id)
			.query((rs, row) -> new Stored(EmailStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
			.single();
	}

	/** An email as the outbox holds it. */
	record Stored(EmailStatus status, int attempts, String lastError, Instant nextAttemptAt, String textBody,
			String htmlBody, String messageId) {
	}

}
