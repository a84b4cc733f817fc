package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@Import({ SignIn.class, TestOrganisation.class })
class InvitationJourneyIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = MailServer.create();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		MailServer.register(registry, mail);
	}

	private static final Pattern LINK = Pattern.compile("http://localhost:8080/invitation/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	@BeforeEach
	void clinic() {
		this.clinic = this.organisation.clinic();
	}

	@Test
	void emailsALinkOnAddUsersAndAFreshOneOnReminderThatReplacesIt() throws Exception {
		String invitee = this.clinic.email("new.nurse");
		this.mvc
			.perform(post("/waiting-areas/{id}/add-users", this.clinic.waitingArea()).with(csrf())
				.with(this.signIn.as(this.clinic.adminEmail()))
				.param("recipients", invitee)
				.param("roles", "SERVICE_PROVIDER")
				.param("customMessage", "Welcome to the team"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/waiting-areas/" + this.clinic.waitingArea() + "/users"))
			.andExpect(flash().attributeExists("banner"));
		MimeMessage first = awaitEmailTo(invitee, 1);
		String firstToken = token(first);
		assertThat(GreenMailUtil.getBody(first)).contains("Welcome to the team");

		long invitation = invitationOf(invitee);
		this.mvc
			.perform(post("/users/invitations/{id}/reminder", invitation).with(csrf())
				.with(this.signIn.as(this.clinic.adminEmail()))
				.param("version", String.valueOf(versionOf(invitation))))
			.andExpect(status().is3xxRedirection());
		// The reminder interval does not apply to the first email, only between
		// reminders.
		MimeMessage second = awaitEmailTo(invitee, 2);
		String secondToken = token(second);

		assertThat(secondToken).isNotEqualTo(firstToken);
		assertThat(newestLinkHash(invitation)).isEqualTo(InvitationTokens.sha256(secondToken))
			.isNotEqualTo(InvitationTokens.sha256(firstToken));
		this.mvc.perform(get("/users/invitations/{id}", invitation).with(this.signIn.as(this.clinic.adminEmail())))
			.andExpect(status().isOk());
	}

	@Test
	void removesTheTokenFromTheStoredEmailOnceDelivered() throws Exception {
		String invitee = this.clinic.email("stored");
		this.mvc
			.perform(post("/waiting-areas/{id}/add-users", this.clinic.waitingArea()).with(csrf())
				.with(this.signIn.as(this.clinic.adminEmail()))
				.param("recipients", invitee)
				.param("roles", "SERVICE_PROVIDER"))
			.andExpect(status().is3xxRedirection());
		String token = token(awaitEmailTo(invitee, 1));
		long invitation = invitationOf(invitee);

		Map<String, Object> stored = awaitSent(invitation);
		assertThat(stored.get("text_body").toString()).doesNotContain(token)
			.contains("/invitation/[removed-after-delivery]");
		assertThat(stored.get("html_body").toString()).doesNotContain(token)
			.contains("/invitation/[removed-after-delivery]");
	}

	/** The invitation's one email, once the dispatcher has recorded its delivery. */
	private Map<String, Object> awaitSent(long invitation) throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			Map<String, Object> email = this.jdbc
				.sql("select status, text_body, html_body from outbound_email where invitation_id = ?")
				.param(invitation)
				.query()
				.singleRow();
			if ("SENT".equals(email.get("status"))) {
				return email;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The email of invitation " + invitation + " was not recorded as sent");
	}

	private MimeMessage awaitEmailTo(String recipient, int count) throws Exception {
		return MailServer.awaitMessagesTo(mail, recipient, count)[count - 1];
	}

	private static String token(MimeMessage message) {
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private long invitationOf(String email) {
		return this.jdbc
			.sql("select i.id from invitation i join account a on a.id = i.account_id "
					+ "where lower(a.email) = lower(?) and i.status = 'PENDING'")
			.param(email)
			.query(Long.class)
			.single();
	}

	private long versionOf(long invitation) {
		return this.jdbc.sql("select version from invitation where id = ?")
			.param(invitation)
			.query(Long.class)
			.single();
	}

	private byte[] newestLinkHash(long invitation) {
		return this.jdbc
			.sql("select token_sha256 from invitation_link where invitation_id = ? order by id desc limit 1")
			.param(invitation)
			.query(byte[].class)
			.single();
	}

}
