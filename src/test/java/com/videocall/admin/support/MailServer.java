package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real SMTP server (GreenMail) for the whole test run, on a port fixed for the JVM. One
 * server keeps one application context for every integration test class (a context per
 * server would cost a start-up each and leave dispatchers of idle contexts polling the
 * shared outbox), and a fixed port lets a test stop it and start it again at the same
 * address to play a mail server that goes down. Tests tell their messages apart by
 * recipient: each uses addresses of its own.
 */
public class MailServer {

	private static final GreenMail SERVER = new GreenMail(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	public MailServer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stops the server: it refuses connections, and forgets what it received. */
	public void stop() {
		SERVER.stop();
	}

	public void start() {
		startIfStopped();
	}

	/** Every message the server received for the recipient, oldest first. */
	public List<MimeMessage> receivedBy(String recipient) {
		return receivedWhere((email) -> email.equalsIgnoreCase(recipient));
	}

	/** Every message the server received for recipients the test picks by address. */
	public List<MimeMessage> receivedWhere(Predicate<String> recipient) {
		return SERVER.findReceivedMessages((user) -> recipient.test(user.getEmail()), (message) -> true).toList();
	}

	/**
	 * The server's SMTP port on 127.0.0.1, for an application started without
	 * {@link Initializer}; the server starts if it is not running.
	 */
	public static int port() {
		startIfStopped();
		return SERVER.getSmtp().getPort();
	}

	/**
	 * The settings that point an application's mail sender at an SMTP server on
	 * 127.0.0.1, with a quick dispatcher and short retries.
	 */
	public static List<String> settings(int port) {
		return List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port, "app.mail.dispatch-interval=200ms",
				"app.mail.first-retry=1s", "app.mail.longest-retry=2s");
	}

	/**
	 * Waits until the outbox has delivered every email queued for the recipient, then
	 * returns what the server received: exactly {@code count} messages, or the test
	 * fails.
	 */
	public List<MimeMessage> awaitEmails(String recipient, int count) {
		await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> {
			assertThat(undelivered(recipient)).as("emails to %s not delivered", recipient).isZero();
			assertThat(receivedBy(recipient)).as("messages received by %s", recipient)
				.hasSizeGreaterThanOrEqualTo(count);
		});
		List<MimeMessage> received = receivedBy(recipient);
		assertThat(received).as("messages received by %s", recipient).hasSize(count);
		return received;
	}

	/** The HTML version of a multipart email. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/** The plain text version of a multipart email. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	private static String part(MimeMessage message, String type) {
		try {
			String content = find(message, type);
			assertThat(content).as("%s part of the email", type).isNotNull();
			return content;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart parts = (Multipart) part.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				String content = find(parts.getBodyPart(i), type);
				if (content != null) {
					return content;
				}
			}
		}
		return null;
	}

	private long undelivered(String recipient) {
		return this.jdbc
			.sql("select count(*) from outbound_email where lower(recipient) = lower(?) and status <> 'SENT'")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	private static synchronized void startIfStopped() {
		if (!SERVER.isRunning()) {
			SERVER.start();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the server and points the application's mail sender at it, with a quick
	 * dispatcher and short retries.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(settings(port())).applyTo(context);
		}

	}

}
