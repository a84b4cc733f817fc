package com.videocall.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.videocall.admin.mail.FutureEmails.Stored;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MailServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery with retry (X6): a failed attempt waits a doubling back-off up to the longest
 * one, the email is FAILED with its reason after {@code max-attempts}, an email that
 * leaves the outbox for good keeps no link token, and every attempt carries the one
 * Message-ID chosen when the email was queued. The test drives its own dispatcher on a
 * clock of its own (see {@link FutureEmails}); GreenMail plays the mail server.
 */
@IntegrationTest
class OutboxDispatcherIntegrationTests {

	private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

	private static final MailProperties POLICY = new MailProperties("Video Call Admin <no-reply@videocall.example>",
			Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(90), 4);

	/** Less than any back-off, more than a slow machine needs between two steps. */
	private static final Duration MARGIN = Duration.ofSeconds(5);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JavaMailSender applicationSender;

	@Autowired
	MailServer mail;

	FutureEmails emails;

	RecordingSender sender;

	OutboxDispatcher dispatcher;

	@BeforeEach
	void ownDispatcher() {
		this.emails = new FutureEmails(this.jdbc, this.transactions, POLICY);
		this.sender = new RecordingSender((JavaMailSenderImpl) this.applicationSender);
		this.dispatcher = new OutboxDispatcher(this.jdbc, this.transactions, this.sender, POLICY, this.emails.clock,
				new SimpleMeterRegistry());
		// Delivers what earlier tests left queued, so that this test's email is the only
		// one due from here on.
		this.dispatcher.dispatchDue();
		this.sender.messageIds.clear();
	}

	@AfterEach
	void mailServerBack() {
		this.mail.start();
	}

	@Test
	void retriesAfterADoublingBackOffUpToTheLongestAndFailsAfterMaxAttemptsWithTheReason() {
		long id = this.emails.queueInvitation(FutureEmails.recipient("back-off"), TOKEN);
		this.mail.stop();

		Instant attempted = attempt();
		assertWaiting(id, 1, attempted.plusSeconds(30));
		this.emails.clock.advance(Duration.ofSeconds(30).minus(MARGIN));
		this.dispatcher.dispatchDue();
		assertThat(this.emails.stored(id).attempts()).as("attempts within the back-off").isOne();

		this.emails.clock.advance(MARGIN);
		assertWaiting(id, 2, attempt().plusSeconds(60));
		this.emails.clock.advance(Duration.ofSeconds(60));
		assertWaiting(id, 3, attempt().plusSeconds(90));
		this.emails.clock.advance(Duration.ofSeconds(90));
		attempt();

		Stored failed = this.emails.stored(id);
		assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.lastError()).containsIgnoringCase("connect");
		this.emails.clock.advance(Duration.ofHours(1));
		this.dispatcher.dispatchDue();
		assertThat(this.emails.stored(id).attempts()).as("attempts once failed").isEqualTo(4);
		assertThat(this.sender.messageIds).hasSize(4);
	}

	@Test
	void keepsNoLinkTokenInAnEmailThatFailed() {
		long id = this.emails.queueInvitation(FutureEmails.recipient("failed"), TOKEN);
		this.mail.stop();
		for (int attempt = 0; attempt < POLICY.maxAttempts(); attempt++) {
			this.dispatcher.dispatchDue();
			this.emails.clock.advance(POLICY.longestRetry());
		}

		Stored failed = this.emails.stored(id);
		assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
		assertThat(failed.textBody()).doesNotContain(TOKEN).contains("/invitation/[removed-after-failure]");
		assertThat(failed.htmlBody()).doesNotContain(TOKEN).contains("/invitation/[removed-after-failure]");
	}

	/**
	 * The outbox does not know what a link looks like: it removes exactly what the module
	 * that queued the email named secret.
	 */
	@Test
	void removesWhatTheQueuingModuleNamedSecretOnceDelivered() {
		String secret = "code 271828-" + TOKEN.substring(0, 8);
		String unnamed = "http://localhost:8080/invitation/" + TOKEN;
		long id = this.emails.queue(
				new OutgoingEmail(FutureEmails.recipient("secret"), "Your code",
						"Use " + secret + " or " + unnamed + "\n", "<p>Use " + secret + " or " + unnamed + "</p>"),
				Set.of(secret));

		this.dispatcher.dispatchDue();

		Stored sent = this.emails.stored(id);
		assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
		assertThat(sent.textBody()).isEqualTo("Use [removed-after-delivery] or " + unnamed + "\n");
		assertThat(sent.htmlBody()).isEqualTo("<p>Use [removed-after-delivery] or " + unnamed + "</p>");
	}

	@Test
	void sendsTheMessageIdChosenWhenQueuedWithEveryAttempt() throws Exception {
		String recipient = FutureEmails.recipient("message-id");
		long id = this.emails.queueInvitation(recipient, TOKEN);
		String messageId = this.emails.stored(id).messageId();
		assertThat(messageId).matches("<[^@<>]+@videocall\\.example>");

		this.mail.stop();
		this.dispatcher.dispatchDue();
		this.mail.start();
		this.emails.clock.advance(Duration.ofSeconds(30));
		// The server accepts the email, then the connection drops before the outbox
		// records it: the next attempt sends it again, as at-least-once delivery may.
		this.sender.loseConnectionAfterNextSend = true;
		this.dispatcher.dispatchDue();
		assertThat(this.emails.stored(id).status()).isEqualTo(EmailStatus.QUEUED);
		this.emails.clock.advance(Duration.ofSeconds(60));
		this.dispatcher.dispatchDue();

		assertThat(this.emails.stored(id).status()).isEqualTo(EmailStatus.SENT);
		assertThat(this.emails.stored(id).attempts()).isEqualTo(3);
		assertThat(this.sender.messageIds).containsExactly(messageId, messageId, messageId);
		List<MimeMessage> received = this.mail.receivedBy(recipient);
		assertThat(received).hasSize(2);
		for (MimeMessage message : received) {
			assertThat(message.getMessageID()).isEqualTo(messageId);
		}
	}

	/** Runs the dispatcher once; returns the time of the attempt. */
	private Instant attempt() {
		Instant at = this.emails.clock.instant();
		this.dispatcher.dispatchDue();
		return at;
	}

	/**
	 * The email waits for another attempt after {@code attempts} failed ones, due at
	 * {@code dueAt} (give or take the moments the attempt itself took).
	 */
	private void assertWaiting(long id, int attempts, Instant dueAt) {
		Stored stored = this.emails.stored(id);
		assertThat(stored.status()).isEqualTo(EmailStatus.QUEUED);
		assertThat(stored.attempts()).isEqualTo(attempts);
		assertThat(stored.lastError()).containsIgnoringCase("connect");
		assertThat(stored.nextAttemptAt()).isBetween(dueAt, dueAt.plus(MARGIN));
		assertThat(stored.textBody()).as("token kept for the next attempt").contains(TOKEN);
	}

	/**
	 * The application's mail settings, recording the Message-ID of each message it is
	 * given, and able to lose the connection just after the server accepted a message.
	 */
	static class RecordingSender extends JavaMailSenderImpl {

		final List<String> messageIds = new CopyOnWriteArrayList<>();

		volatile boolean loseConnectionAfterNextSend;

		RecordingSender(JavaMailSenderImpl settings) {
			setHost(settings.getHost());
			setPort(settings.getPort());
		}

		@Override
		protected void doSend(MimeMessage[] messages, Object[] originals) {
			for (MimeMessage message : messages) {
				try {
					this.messageIds.add(message.getMessageID());
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}
			super.doSend(messages, originals);
			if (this.loseConnectionAfterNextSend) {
				this.loseConnectionAfterNextSend = false;
				throw new MailSendException("Connection lost after the server accepted the message");
			}
		}

	}

}
