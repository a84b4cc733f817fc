package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a port fixed for the test class, so it can be stopped
 * and started again at the same address to play a mail server that goes down.
 */
public final class MailServer {

	private MailServer() {
	}

	public static GreenMailExtension create() {
		return new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withPerMethodLifecycle(false);
	}

	/**
	 * Points the application's mail sender at the server and makes the dispatcher quick.
	 */
	public static void register(DynamicPropertyRegistry registry, GreenMailExtension server) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> server.getSmtp().getPort());
		registry.add("app.mail.dispatch-interval", () -> "200ms");
		registry.add("app.mail.first-retry", () -> "1s");
		registry.add("app.mail.longest-retry", () -> "2s");
	}

	/**
	 * The messages that reached {@code recipient}, oldest first, once exactly
	 * {@code count} have (waiting up to 10 seconds): other tests' emails may arrive on
	 * the same server meanwhile.
	 */
	public static MimeMessage[] awaitMessagesTo(GreenMailExtension server, String recipient, int count)
			throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			MimeMessage[] received = server.getReceivedMessagesForDomain(recipient);
			if (received.length >= count) {
				assertThat(received).as("emails to " + recipient).hasSize(count);
				return received;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Fewer than " + count + " emails reached " + recipient);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
