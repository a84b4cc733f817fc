package com.videocall.admin.mail;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
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
 * on "Sent Emails".
 * <p>
 * When the application stops, the email being sent is finished and its outcome recorded,
 * and no further one is started: the scheduler's lifecycle waits for the running round
 * (Spring's coordinated stop of {@code ThreadPoolTaskScheduler}), and {@link #stop()}
 * ends that round after its current email. An instance killed outright leaves that email
 * locked only until its connection drops; it is still QUEUED then, and sent again with
 * the same Message-ID.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
public class OutboxDispatcher implements SchedulingConfigurer, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final String DELIVERED = "[removed-after-delivery]";

	private static final String UNDELIVERED = "[removed-after-failure]";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter failedAttempts;

	private final Counter givenUp;

	private volatile boolean stopping;

	OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, JavaMailSender sender,
			MailProperties properties, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("videocall.emails.sent")
			.description("Emails the mail server accepted")
			.register(meters);
		this.failedAttempts = Counter.builder("videocall.emails.attempts.failed")
			.description("Delivery attempts that failed; the email waits for another attempt unless it was the last")
			.register(meters);
		this.givenUp = Counter.builder("videocall.emails.failed")
			.description("Emails given up as FAILED after app.mail.max-attempts failed attempts")
			.register(meters);
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
	 * Delivers due emails one per transaction, so each outcome is recorded at once and no
	 * lock is held across several sends, over one SMTP connection for the round (opened
	 * at the first due email, and again after a failed one). An email the server refused,
	 * or whose connection broke, waits its back-off while the round goes on with the
	 * others; a mail server that cannot be reached ends the round, so that the due emails
	 * are not all charged a failed attempt for it.
	 */
	public void dispatchDue() {
		try (SmtpConnection connection = new SmtpConnection(this.sender)) {
			Outcome outcome;
			do {
				outcome = this.transactions.execute((status) -> deliverNext(connection));
				count(outcome);
			}
			while (outcome != Outcome.NONE_DUE && !connection.unreachable() && !this.stopping);
		}
	}

	/** Counts what a committed delivery did. */
	private void count(Outcome outcome) {
		switch (outcome) {
			case SENT -> this.sent.increment();
			case RETRY -> this.failedAttempts.increment();
			case GIVEN_UP -> {
				this.failedAttempts.increment();
				this.givenUp.increment();
			}
			case NONE_DUE -> {
			}
		}
	}

	/** Runs from the start; see {@link #stop()}. */
	@Override
	public void start() {
		this.stopping = false;
	}

	/**
	 * Ends the running round after the email being sent, the first step of shutting down
	 * (its phase comes before the web server's and the scheduler's).
	 */
	@Override
	public void stop() {
		this.stopping = true;
	}

	@Override
	public boolean isRunning() {
		return !this.stopping;
	}

	private Outcome deliverNext(SmtpConnection connection) {
		Instant now = this.clock.instant();
		Optional<Long> due = this.jdbc.sql("""
				select id from outbound_email where status = 'QUEUED' and next_attempt_at <= ?
				order by next_attempt_at, id limit 1 for update skip locked
				""").param(Timestamp.from(now)).query(Long.class).optional();
		return due.map((id) -> deliver(connection, id, now)).orElse(Outcome.NONE_DUE);
	}

	private Outcome deliver(SmtpConnection connection, long id, Instant now) {
		Stored stored = this.jdbc.sql("""
				select message_id, recipient, subject, text_body, html_body, secrets from outbound_email where id = ?
				""")
			.param(id)
			.query((rs, row) -> new Stored(rs.getString(1),
					new OutgoingEmail(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
					secrets(rs.getArray(6))))
			.single();
		try {
			connection.send(mime(stored));
			this.jdbc
				.sql("update outbound_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
						+ "last_error = null, text_body = ?, html_body = ?, secrets = null where id = ?")
				.params(Timestamp.from(now), withoutSecrets(stored.email().textBody(), stored.secrets(), DELIVERED),
						withoutSecrets(stored.email().htmlBody(), stored.secrets(), DELIVERED), id)
				.update();
			return Outcome.SENT;
		}
		catch (MailException | MessagingException ex) {
			return recordFailure(id, stored, now, ex) ? Outcome.GIVEN_UP : Outcome.RETRY;
		}
	}

	/**
	 * Waits the back-off for another attempt, or, after the last one, gives up (and says
	 * so): a FAILED email is never sent, so its stored copy loses its secrets as a
	 * delivered one does.
	 */
	private boolean recordFailure(long id, Stored stored, Instant now, Exception failure) {
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
		return last;
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

	private record Stored(String messageId, OutgoingEmail email, List<String> secrets) {
	}

	/** What one transaction did. */
	private enum Outcome {

		NONE_DUE, SENT, RETRY, GIVEN_UP

	}

}
