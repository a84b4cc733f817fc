package com.videocall.admin.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due emails from the outbox. Each email is locked with {@code FOR UPDATE SKIP
 * LOCKED} while it is sent, so several instances can dispatch at once without sending an
 * email twice. Runs only when a mail server is configured; otherwise emails stay readable
 * on "Sent emails".
 */
@Component
@ConditionalOnProperty("spring.mail.host")
public class OutboxDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	/** An invitation link's token: base64url after a "/invitation/" path. */
	private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern
		.compile("(/invitation/)[A-Za-z0-9_-]{20,}");

	private static final String REMOVED = "[removed-after-delivery]";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final Clock clock;

	OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, JavaMailSender sender,
			MailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Delivers due emails one per transaction, so each outcome is recorded at once and no
	 * lock is held across several sends. A failure ends the round: the mail server is
	 * likely down, the failed email waits its back-off and the others the next round.
	 */
	@Scheduled(fixedDelayString = "${app.mail.dispatch-interval:5s}")
	public void dispatchDue() {
		Outcome outcome;
		do {
			outcome = this.transactions.execute((status) -> deliverNext());
		}
		while (outcome == Outcome.SENT);
	}

	private Outcome deliverNext() {
		Instant now = this.clock.instant();
		Optional<Long> due = this.jdbc.sql("""
				select id from outbound_email where status = 'QUEUED' and next_attempt_at <= ?
				order by next_attempt_at, id limit 1 for update skip locked
				""").param(Timestamp.from(now)).query(Long.class).optional();
		return due.map((id) -> deliver(id, now)).orElse(Outcome.NONE_DUE);
	}

	private Outcome deliver(long id, Instant now) {
		OutgoingEmail email = this.jdbc
			.sql("select recipient, subject, text_body, html_body from outbound_email where id = ?")
			.param(id)
			.query((rs, row) -> new OutgoingEmail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		try {
			this.sender.send(mime(email));
			this.jdbc
				.sql("update outbound_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
						+ "last_error = null, text_body = ?, html_body = ? where id = ?")
				.params(Timestamp.from(now), withoutTokens(email.textBody()), withoutTokens(email.htmlBody()), id)
				.update();
			return Outcome.SENT;
		}
		catch (MailException | MessagingException ex) {
			recordFailure(id, now, ex);
			return Outcome.FAILED;
		}
	}

	private void recordFailure(long id, Instant now, Exception failure) {
		int attempts = this.jdbc.sql("select attempts + 1 from outbound_email where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		String status = (attempts >= this.properties.maxAttempts()) ? "FAILED" : "QUEUED";
		String reason = String.valueOf(failure.getMessage());
		logger.warn("Email {} not delivered (attempt {}): {}", id, attempts, reason);
		this.jdbc
			.sql("update outbound_email set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? "
					+ "where id = ?")
			.params(status, attempts, Timestamp.from(now.plus(this.properties.retryAfter(attempts))),
					reason.substring(0, Math.min(reason.length(), 1000)), id)
			.update();
	}

	/**
	 * Once delivered, the stored copy loses the link tokens it carried: the database
	 * keeps only their hashes from then on.
	 */
	static String withoutTokens(String body) {
		return TOKEN.matcher(body).replaceAll("$1" + REMOVED);
	}

	private MimeMessage mime(OutgoingEmail email) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(email.recipient());
		helper.setSubject(email.subject());
		helper.setText(email.textBody(), email.htmlBody());
		return message;
	}

	private enum Outcome {

		NONE_DUE, SENT, FAILED

	}

}
