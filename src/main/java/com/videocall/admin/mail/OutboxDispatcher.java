package com.videocall.admin.mail;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
public class OutboxDispatcher implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final String DELIVERED = "[removed-after-delivery]";

	private static final String UNDELIVERED = "[removed-after-failure]";

	/**
	 * Emails sent over one connection and recorded in one transaction. A crash during a
	 * batch sends again those of its emails the server had already accepted (each with
	 * the same Message-ID, so receivers can drop the copy).
	 */
	static final int BATCH = 50;

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
	 * A round every {@code app.mail.dispatch-interval} after the last one ended,
	 * registered here rather than with {@code @Scheduled} so that the interval's default
	 * lives in {@link MailProperties} only.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::dispatchDue, this.properties.dispatchInterval());
	}

	/**
	 * Delivers due emails in batches of up to {@value #BATCH}, each batch in one
	 * transaction over one SMTP connection, so each outcome is recorded when its batch
	 * ends. A failure ends the round: the mail server is likely down, the failed email
	 * waits its back-off and the others the next round.
	 */
	public void dispatchDue() {
		Outcome outcome;
		do {
			outcome = this.transactions.execute((status) -> deliverBatch());
		}
		while (outcome == Outcome.SENT_FULL_BATCH);
	}

	private Outcome deliverBatch() {
		Instant now = this.clock.instant();
		List<Stored> due = this.jdbc.sql("""
				select id, message_id, recipient, subject, text_body, html_body, secrets from outbound_email
				where status = 'QUEUED' and next_attempt_at <= ?
				order by next_attempt_at, id limit ? for update skip locked
				""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2),
					new OutgoingEmail(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
					secrets(rs.getArray(7))))
			.list();
		if (due.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Map<Stored, Exception> failures = send(due);
		for (Stored stored : due) {
			Exception failure = failures.get(stored);
			if (failure == null) {
				recordDelivery(stored, now);
			}
			else {
				recordFailure(stored, now, failure);
			}
		}
		if (!failures.isEmpty()) {
			return Outcome.FAILED;
		}
		return (due.size() == BATCH) ? Outcome.SENT_FULL_BATCH : Outcome.SENT;
	}

	/**
	 * Sends the emails over one connection; answers those that failed, with why. When the
	 * sender cannot tell which failed (it lost the connection after sending, say), all of
	 * them did: an email is rather sent twice than lost (X6).
	 */
	private Map<Stored, Exception> send(List<Stored> emails) {
		Map<Stored, Exception> failures = new HashMap<>();
		Map<MimeMessage, Stored> messages = new LinkedHashMap<>();
		for (Stored stored : emails) {
			try {
				messages.put(mime(stored), stored);
			}
			catch (MessagingException ex) {
				failures.put(stored, ex);
			}
		}
		try {
			this.sender.send(messages.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().isEmpty()) {
				messages.values().forEach((stored) -> failures.put(stored, ex));
			}
			ex.getFailedMessages().forEach((message, failure) -> failures.put(messages.get(message), failure));
		}
		catch (MailException ex) {
			messages.values().forEach((stored) -> failures.put(stored, ex));
		}
		return failures;
	}

	private void recordDelivery(Stored stored, Instant now) {
		this.jdbc
			.sql("update outbound_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
					+ "last_error = null, text_body = ?, html_body = ?, secrets = null where id = ?")
			.params(Timestamp.from(now), withoutSecrets(stored.email().textBody(), stored.secrets(), DELIVERED),
					withoutSecrets(stored.email().htmlBody(), stored.secrets(), DELIVERED), stored.id())
			.update();
	}

	/**
	 * Waits the back-off for another attempt, or, after the last one, gives up: a FAILED
	 * email is never sent, so its stored copy loses its secrets as a delivered one does.
	 */
	private void recordFailure(Stored stored, Instant now, Exception failure) {
		long id = stored.id();
		int attempts = this.jdbc.sql("select attempts + 1 from outbound_email where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		boolean last = attempts >= this.properties.maxAttempts();
		String reason = String.valueOf(failure.getMessage());
		logger.warn("Email {} not delivered (attempt {}{}): {}", id, attempts, last ? ", the last" : "", reason);
		this.jdbc.sql("""
				update outbound_email set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
				                          text_body = ?, html_body = ?, secrets = case when ? then null else secrets end
				where id = ?
				""")
			.params(last ? "FAILED" : "QUEUED", attempts,
					Timestamp.from(now.plus(this.properties.retryAfter(attempts))),
					reason.substring(0, Math.min(reason.length(), 1000)),
					last ? withoutSecrets(stored.email().textBody(), stored.secrets(), UNDELIVERED)
							: stored.email().textBody(),
					last ? withoutSecrets(stored.email().htmlBody(), stored.secrets(), UNDELIVERED)
							: stored.email().htmlBody(),
					last, id)
			.update();
	}

	/**
	 * Once an email has left the outbox for good, its stored copy loses the secrets the
	 * queuing module named (an invitation's link token: the database keeps only its hash
	 * from then on).
	 */
	static String withoutSecrets(String body, List<String> secrets, String marker) {
		String without = body;
		for (String secret : secrets) {
			without = without.replace(secret, marker);
		}
		return without;
	}

	private static List<String> secrets(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	/**
	 * The email with the Message-ID chosen when it was queued: JavaMailSenderImpl keeps a
	 * Message-ID that is set before sending instead of making a new one per attempt.
	 */
	private MimeMessage mime(Stored stored) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(stored.email().recipient());
		helper.setSubject(stored.email().subject());
		helper.setText(stored.email().textBody(), stored.email().htmlBody());
		message.setHeader("Message-ID", stored.messageId());
		return message;
	}

	private record Stored(long id, String messageId, OutgoingEmail email, List<String> secrets) {
	}

	private enum Outcome {

		NONE_DUE, SENT, SENT_FULL_BATCH, FAILED

	}

}
