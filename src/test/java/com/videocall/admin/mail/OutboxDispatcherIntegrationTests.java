package com.videocall.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.videocall.admin.mail.FutureEmails.Stored;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MailServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery with retry (X6): a failed attempt waits a doubling back-off up to the longest
 * one, the email is FAILED with its reason after {@code max-attempts}, an email that
 * leaves the outbox for good keeps no link token, and every attempt carries the one
 * Message-ID chosen when the email was queued. The test drives its own dispatcher on a
 * clock of its own (see {@link FutureEmails}) over an outbox of its own
 * ({@link OutboxOfItsOwn}); GreenMail plays the mail server.
 */
@IntegrationTest
class OutboxDispatcherIntegrationTests {

	private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

	private static final MailProperties POLICY = new MailProperties("Video Call Admin <no-reply@videocall.example>",
			Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(90), 4);

	/** Less than any back-off, more than a slow machine needs between two steps. */
	private static final Duration MARGIN = Duration.ofSeconds(5);

	private static OutboxOfItsOwn outbox;

	@Autowired
	JavaMailSender applicationSender;

	@Autowired
	MailServer mail;

	FutureEmails emails;

	RecordingSender sender;

	OutboxDispatcher dispatcher;

	@AfterAll
	static void closeOutbox() {
		outbox.close();
	}

	@BeforeEach
	void ownDispatcher() {
		if (outbox == null) {
			// Once the application has made its table, which the outbox's is made like.
			outbox = new OutboxOfItsOwn("outbox_dispatcher_tests");
		}
		this.emails = new FutureEmails(outbox.jdbc, outbox.transactions, POLICY);
		this.sender = new RecordingSender((JavaMailSenderImpl) this.applicationSender);
		this.dispatcher = new OutboxDispatcher(outbox.jdbc, outbox.transactions, this.sender, POLICY, this.emails.clock,
				new SimpleMeterRegistry());
		// Delivers what earlier tests of the class left queued, so that this test's email
		// is the only one due from here on.
		this.dispatcher.dispatchDue();
		this.sender.messageIds.clear();
		this.sender.connects.set(0);
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
		// Four attempts tried to reach the server (which was down), no fifth.
		assertThat(this.sender.connects).hasValue(4);
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
		// The first attempt found no server to give the email to; the other two gave it
		// with the same Message-ID.
		assertThat(this.sender.messageIds).containsExactly(messageId, messageId);
		List<MimeMessage> received = this.mail.receivedBy(recipient);
		assertThat(received).hasSize(2);
		for (MimeMessage message : received) {
			assertThat(message.getMessageID()).isEqualTo(messageId);
		}
	}

	@Test
	void goesOnWithTheOtherEmailsOfARoundWhenTheServerRefusesOneAndRetriesThatOne() {
		List<String> recipients = List.of(FutureEmails.recipient("round-1"), FutureEmails.recipient("round-2"),
				FutureEmails.recipient("round-3"));
		List<Long> ids = recipients.stream().map((recipient) -> this.emails.queueInvitation(recipient, TOKEN)).toList();
		this.sender.refused = recipients.get(1);

		this.dispatcher.dispatchDue();

		assertThat(this.emails.stored(ids.get(0)).status()).isEqualTo(EmailStatus.SENT);
		assertThat(this.emails.stored(ids.get(2)).status()).isEqualTo(EmailStatus.SENT);
		Stored refused = this.emails.stored(ids.get(1));
		assertThat(refused.status()).isEqualTo(EmailStatus.QUEUED);
		assertThat(refused.attempts()).isEqualTo(1);
		assertThat(refused.lastError()).contains("550 Mailbox unavailable");
		this.sender.refused = null;
		this.emails.clock.advance(Duration.ofSeconds(30));
		this.dispatcher.dispatchDue();

		assertThat(this.emails.stored(ids.get(1)).status()).isEqualTo(EmailStatus.SENT);
		assertThat(this.emails.stored(ids.get(1)).attempts()).isEqualTo(2);
		for (String recipient : recipients) {
			assertThat(this.mail.receivedBy(recipient)).as(recipient).hasSize(1);
		}
	}

	@Test
	void stoppedInTheMiddleOfARoundFinishesAndRecordsTheEmailBeingSentAndStartsNoOther() {
		List<String> recipients = List.of(FutureEmails.recipient("stop-1"), FutureEmails.recipient("stop-2"),
				FutureEmails.recipient("stop-3"));
		List<Long> ids = recipients.stream().map((recipient) -> this.emails.queueInvitation(recipient, TOKEN)).toList();
		this.sender.onSend = this.dispatcher::stop;

		this.dispatcher.dispatchDue();

		assertThat(ids.stream().map((id) -> this.emails.stored(id).status())).containsExactly(EmailStatus.SENT,
				EmailStatus.QUEUED, EmailStatus.QUEUED);
		assertThat(this.emails.stored(ids.get(1)).attempts()).isZero();
		assertThat(this.mail.receivedBy(recipients.get(0))).hasSize(1);
		assertThat(this.mail.receivedBy(recipients.get(1))).isEmpty();
	}

	@Test
	void twoDispatchersAtOnceSendEachEmailOnce() throws Exception {
		List<String> recipients = IntStream.range(0, 40).mapToObj((i) -> FutureEmails.recipient("pair-" + i)).toList();
		List<Long> ids = recipients.stream().map((recipient) -> this.emails.queueInvitation(recipient, TOKEN)).toList();
		OutboxDispatcher other = new OutboxDispatcher(outbox.jdbc, outbox.transactions, this.sender, POLICY,
				this.emails.clock, new SimpleMeterRegistry());
		CyclicBarrier together = new CyclicBarrier(2);
		// Each send takes a moment, so that both rounds overlap throughout.
		this.sender.onSend = () -> sleep(Duration.ofMillis(5));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> rounds = new ArrayList<>();
			for (OutboxDispatcher dispatcher : List.of(this.dispatcher, other)) {
				rounds.add(threads.submit(() -> {
					together.await();
					dispatcher.dispatchDue();
					return null;
				}));
			}
			for (Future<?> round : rounds) {
				round.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(ids.stream().map((id) -> this.emails.stored(id).attempts())).containsOnly(1);
		assertThat(ids.stream().map((id) -> this.emails.stored(id).status())).containsOnly(EmailStatus.SENT);
		assertThat(this.sender.messageIds).hasSize(40).doesNotHaveDuplicates();
		for (String recipient : recipients) {
			assertThat(this.mail.receivedBy(recipient)).as(recipient).hasSize(1);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
	 * The application's mail settings, whose SMTP transport records the Message-ID of
	 * each message it sends to the server and can lose the connection just after the
	 * server accepted a message.
	 */
	static class RecordingSender extends JavaMailSenderImpl {

		final List<String> messageIds = new CopyOnWriteArrayList<>();

		/** Attempts to connect to the server, whether it answered or not. */
		final AtomicInteger connects = new AtomicInteger();

		volatile boolean loseConnectionAfterNextSend;

		/** The recipient whose email the server refuses, if any. */
		volatile String refused;

		/** Runs as the server is given each message. */
		volatile Runnable onSend = () -> {
		};

		RecordingSender(JavaMailSenderImpl settings) {
			setHost(settings.getHost());
			setPort(settings.getPort());
			Session session = getSession();
			session.getProperties().put(RecordingTransport.SENDER, this);
			try {
				session.setProvider(
						new Provider(Provider.Type.TRANSPORT, "smtp", RecordingTransport.class.getName(), "test", "1"));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The SMTP transport of a {@link RecordingSender}'s session. */
	public static class RecordingTransport extends SMTPTransport {

		static final String SENDER = RecordingSender.class.getName();

		private final RecordingSender sender;

		public RecordingTransport(Session session, URLName url) {
			super(session, url);
			this.sender = (RecordingSender) session.getProperties().get(SENDER);
		}

		@Override
		protected synchronized boolean protocolConnect(String host, int port, String user, String password)
				throws MessagingException {
			this.sender.connects.incrementAndGet();
			return super.protocolConnect(host, port, user, password);
		}

		@Override
		public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
			this.sender.messageIds.add(((MimeMessage) message).getMessageID());
			this.sender.onSend.run();
			if (addresses[0].toString().equals(this.sender.refused)) {
				throw new MessagingException("550 Mailbox unavailable: " + addresses[0]);
			}
			super.sendMessage(message, addresses);
			if (this.sender.loseConnectionAfterNextSend) {
				this.sender.loseConnectionAfterNextSend = false;
				close();
				throw new MessagingException("Connection lost after the server accepted the message");
			}
		}

	}

}
