package com.videocall.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without a mail server (the demo), "Sent Emails" is where invitation links are followed:
 * it shows each email's text and its working link.
 */
@ServerIntegrationTest
class SentEmailsWithoutMailServerIntegrationTests {

	private static final String TOKEN = "QwErTyUiOpAsDfGhJkLzXcVbNm0123456789-_qwert";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void showsTheTextAndItsLinkWithoutAMailServer() {
		FutureEmails emails = new FutureEmails(this.jdbc, this.transactions,
				new MailProperties("Video Call Admin <no-reply@videocall.example>", Duration.ofSeconds(5),
						Duration.ofSeconds(30), Duration.ofHours(1), 10));
		long id = emails.queueInvitation(FutureEmails.recipient("demo"), TOKEN);

		Page email = new HttpBrowser(this.port).signIn(SignIn.ADMIN, "demo-password").get("/sent-emails/" + id);

		assertThat(email.status()).isEqualTo(200);
		assertThat(email.document().select("main a[href$=/invitation/" + TOKEN + "]")).hasSize(1);
		assertThat(email.document().select("main pre").text()).contains("/invitation/" + TOKEN);
	}

}
