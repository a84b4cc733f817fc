package com.videocall.admin.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
