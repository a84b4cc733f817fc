package com.videocall.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.SignIn;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a mail server configured, "Sent Emails" shows what happened to each email but
 * never its text: a link belongs to its recipient alone, even while the email still waits
 * in the outbox with its token.
 */
@IntegrationTest
class SentEmailsIntegrationTests {

	private static final String TOKEN = "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210-_zyxwv";

	@Autowired
	Pages pages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void showsNoTextOrLinkOfAnEmailWhenAMailServerDeliversThem() throws Exception {
		FutureEmails emails = new FutureEmails(this.jdbc, this.transactions,
				new MailProperties("Video Call Admin <no-reply@videocall.example>", Duration.ofSeconds(5),
						Duration.ofSeconds(30), Duration.ofHours(1), 10));
		String recipient = FutureEmails.recipient("waiting");
		long id = emails.queueInvitation(recipient, TOKEN);
		assertThat(emails.stored(id).textBody()).as("token kept for delivery").contains(TOKEN);

		Document email = this.pages.as(SignIn.ADMIN).open("/sent-emails/" + id);
		assertThat(email.html()).doesNotContain(TOKEN).doesNotContain("/invitation/");
		assertThat(email.select("main").text()).contains(recipient, "You are invited to Video Call Admin", "Queued",
				emails.stored(id).messageId(), "A mail server delivers this email, so its text is not shown");

		Document list = this.pages.as(SignIn.ADMIN).open("/sent-emails");
		assertThat(list.html()).doesNotContain(TOKEN);
		assertThat(list.select("main p.muted").text()).contains("their text is not shown here");
	}

}
