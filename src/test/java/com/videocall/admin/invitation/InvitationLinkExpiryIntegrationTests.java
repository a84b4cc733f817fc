package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.SessionCookie;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Links expire when the clock passes their validity, and an expired link can ask for a
 * fresh one by email, a few times an hour per client (I4). The clock only moves forward,
 * so each test starts its invitations at whatever time earlier tests left it.
 */
@MovableClockIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationLinkExpiryIntegrationTests extends InviteeLinksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	MailServer mail;

	@Autowired
	InvitationProperties properties;

	@Autowired
	InvitationManagement management;

	@Autowired
	Invitations admins;

	@Autowired
	InvitationRecords records;

	@Test
	void showsTheExpiredPageOnceTheLinkValidityHasPassed() throws Exception {
		assertThat(this.properties.linkValidity()).isEqualTo(Duration.ofDays(14));
		Invitee invitee = this.invitations.pendingFor(this.clinic, "late");
		String token = awaitTokens(invitee, 1).get(0);

		this.clock.advance(this.properties.linkValidity().minusMinutes(1));
		assertThat(this.pages.openWithoutChanging(invitee, token).select("h1").text()).isEqualTo("Set up your account");
		this.clock.advance(Duration.ofMinutes(2));
		Document page = this.pages.openWithoutChanging(invitee, token);
		assertThat(page.select("h1").text()).isEqualTo("This link has expired");
		assertThat(page.text()).contains("Ask your administrator to send a reminder");
		assertThat(page.select("form[method=post] button").text()).isEqualTo("Send me a new link");
		assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/invitation/" + token + "/new-link");
		assertThat(page.select("input[type=password]")).isEmpty();
		assertThat(this.invitations.status(invitee)).isEqualTo("PENDING");
	}

	/**
	 * Change Roles (LC4) sends no link: its email tells the invitee that the link they
	 * have still works, until when, or, from the moment it has expired, how to get a new
	 * one.
	 */
	@Test
	void rolesAddedKeepTheLinkAndSayWhetherItStillWorks() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "changed.late");
		String token = awaitTokens(invitee, 1).get(0);

		this.clock.advance(this.properties.linkValidity().minusMinutes(1));
		this.invitations.addByChangeRoles(invitee, new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		String stillWorks = MailServer.text(this.mail.awaitEmails(invitee.email(), 2).get(1));
		assertThat(stillWorks).contains("it still works, until").doesNotContain("/invitation/");
		assertThat(this.pages.openWithoutChanging(invitee, token).select("h1").text()).isEqualTo("Set up your account");

		this.clock.advance(Duration.ofMinutes(2));
		this.invitations.addByChangeRoles(invitee,
				new RoleOffer(Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea()));
		String expired = MailServer.text(this.mail.awaitEmails(invitee.email(), 3).get(2));
		assertThat(expired).contains("expired on").contains("Send me a new link").doesNotContain("/invitation/");
		assertThat(this.pages.openWithoutChanging(invitee, token).select("h1").text())
			.isEqualTo("This link has expired");
	}

	@Test
	void emailsAFreshLinkToTheInvitedAddressOnlyWhenAnExpiredLinkAsksForOne() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "renewed");
		String expired = awaitTokens(invitee, 1).get(0);
		expire();
		// An expired link does not decline either (LC6): its page says it has expired.
		assertThat(LinkPages.html(this.mvc.perform(get("/invitation/{token}/decline", expired))).select("h1").text())
			.isEqualTo("This link has expired");
		this.mvc.perform(LinkPages.decline(expired)).andExpect(redirectedUrl("/invitation/" + expired));
		assertThat(this.invitations.status(invitee)).isEqualTo("PENDING");

		MvcResult asked = this.mvc.perform(LinkPages.newLink(expired))
			.andExpect(redirectedUrl("/invitation/" + expired))
			.andReturn();
		assertThat(bannerAfter(asked, expired))
			.isEqualTo("A new link has been sent to the invited email address. Use the link in that email.");

		String fresh = awaitTokens(invitee, 2).get(1);
		assertThat(fresh).isNotEqualTo(expired);
		assertThat(MailServer.text(this.mail.receivedBy(invitee.email()).get(1)))
			.contains("This invitation isn't for me: ", "/invitation/" + fresh + "/decline");
		assertThat(this.invitations.emailRecipients(invitee)).containsExactly(invitee.email(), invitee.email());
		assertThat(recipientsOf(this.mail.receivedBy(invitee.email()).get(1))).containsExactly(invitee.email());
		assertThat(this.invitations.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.LINK_REQUESTED);
		assertThat(this.pages.openWithoutChanging(invitee, expired).select("h1").text())
			.isEqualTo("This link has been replaced");
		assertThat(this.pages.openWithoutChanging(invitee, fresh).select("h1").text()).isEqualTo("Set up your account");
		this.pages.submit(fresh, "Rory Renewed").andExpect(redirectedUrl("/"));
		assertThat(this.invitations.grantedRoles(invitee))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
	}

	@Test
	void limitsNewLinksToFivePerHourFromOneClient() throws Exception {
		List<Invitee> invitees = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			invitees.add(this.invitations.pendingFor(this.clinic, "limited." + i));
			tokens.add(awaitTokens(invitees.get(i), 1).get(0));
		}
		expire();
		String client = ClientAddresses.fresh();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(LinkPages.newLink(tokens.get(i), client)).andExpect(status().is3xxRedirection());
		}

		MvcResult refused = this.mvc.perform(LinkPages.newLink(tokens.get(5), client))
			.andExpect(redirectedUrl("/invitation/" + tokens.get(5)))
			.andReturn();
		assertThat(bannerAfter(refused, tokens.get(5)))
			.isEqualTo("Too many new links were requested from here. Wait an hour, then try again.");
		assertThat(this.invitations.emailRecipients(invitees.get(5))).hasSize(1);
		assertThat(this.invitations.history(invitees.get(5))).containsExactly(HistoryType.INVITED);

		this.clock.advance(Duration.ofMinutes(61));
		this.mvc.perform(LinkPages.newLink(tokens.get(5), client)).andExpect(status().is3xxRedirection());
		assertThat(this.invitations.emailRecipients(invitees.get(5))).hasSize(2);
	}

	@Test
	void countsOnlyRealExpiredLinksTowardsTheNewLinkLimit() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "patient");
		String token = awaitTokens(invitee, 1).get(0);
		String client = ClientAddresses.fresh();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(LinkPages.newLink("Z".repeat(43), client)).andExpect(status().isNotFound());
			this.mvc.perform(LinkPages.newLink(token, client)).andExpect(redirectedUrl("/invitation/" + token));
		}
		expire();

		MvcResult asked = this.mvc.perform(LinkPages.newLink(token, client))
			.andExpect(redirectedUrl("/invitation/" + token))
			.andReturn();
		assertThat(bannerAfter(asked, token))
			.isEqualTo("A new link has been sent to the invited email address. Use the link in that email.");
		assertThat(this.invitations.emailRecipients(invitee)).hasSize(2);
	}

	@Test
	void keepsTokensOutOfTheLogs(CapturedOutput output) throws Exception {
		Invitee expiring = this.invitations.pendingFor(this.clinic, "expiring");
		Invitee reminded = this.invitations.pendingFor(this.clinic, "reminded");
		String expired = awaitTokens(expiring, 1).get(0);
		String replaced = awaitTokens(reminded, 1).get(0);
		expire();
		this.invitations.remind(reminded);
		String valid = awaitTokens(reminded, 2).get(1);
		String unknown = "U".repeat(43);

		for (String token : List.of(valid, replaced, expired, unknown)) {
			this.mvc.perform(get("/invitation/{token}", token));
			this.mvc.perform(LinkPages.setUp(token, "Lee Logged", "short", "short"));
		}
		this.mvc.perform(LinkPages.newLink(expired)).andExpect(status().is3xxRedirection());
		this.mvc.perform(LinkPages.newLink(unknown)).andExpect(status().isNotFound());
		String renewed = awaitTokens(expiring, 2).get(1);
		for (int submission = 0; submission < 2; submission++) {
			this.pages.submit(valid, "Lee Logged");
		}
		assertThat(this.invitations.status(reminded)).isEqualTo("ACCEPTED");

		assertThat(output.getAll()).doesNotContain(valid, replaced, expired, unknown, renewed);
	}

	/**
	 * An invitation closes (LC2) at its close moment on the clock, before the expiry job
	 * has ended it: from then on its link says so and offers no new link. Sent "90 days
	 * ago" on this clock, so that the clock moves a few minutes only.
	 */
	@Test
	void saysTheInvitationHasExpiredFromItsCloseMomentOn() throws Exception {
		String email = this.clinic.email("closing");
		Instant closes = this.clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
		this.management.addUsers(this.admins.scope(this.clinic.adminEmail()),
				Actor.of(this.admins.actor(this.clinic.adminEmail()), "Test"),
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea())), email, "",
				closes.atZone(ZoneId.of("Australia/Sydney")).minusDays(90).toInstant());
		Invitee invitee = new Invitee(this.clinic, email, this.records.pendingFor(email));
		String token = this.invitations.token(invitee);
		// Its link, sent then, expired long ago: the page offers a new one until the
		// invitation closes.
		assertThat(this.pages.openWithoutChanging(invitee, token).select("h1").text())
			.isEqualTo("This link has expired");

		Duration untilClosed = Duration.between(this.clock.instant(), closes);
		this.clock.advance(untilClosed.isNegative() ? Duration.ZERO : untilClosed);
		Document page = this.pages.openWithoutChanging(invitee, token);
		assertThat(page.select("h1").text()).isEqualTo("Invitation expired");
		assertThat(page.select("main p").first().text()).startsWith("This invitation has expired.");
		assertThat(page.select("form[method=post]")).isEmpty();
		this.mvc.perform(LinkPages.newLink(token)).andExpect(redirectedUrl("/invitation/" + token));
		assertThat(this.invitations.emailRecipients(invitee)).hasSize(1);
		assertThat(this.invitations.status(invitee)).isEqualTo("PENDING");
	}

	/** Moves the clock past the validity of every link issued so far. */
	private void expire() {
		this.clock.advance(this.properties.linkValidity().plusMinutes(1));
	}

	/**
	 * The tokens of the invitee's emails, oldest first, once {@code count} have arrived.
	 */
	private List<String> awaitTokens(Invitee invitee, int count) {
		return this.mail.awaitEmails(invitee.email(), count)
			.stream()
			.map((message) -> Invitees.tokenIn(MailServer.text(message)))
			.toList();
	}

	private String bannerAfter(MvcResult redirect, String token) throws Exception {
		return LinkPages
			.html(this.mvc.perform(get("/invitation/{token}", token).with(SessionCookie.of(redirect)))
				.andExpect(status().isOk()))
			.select(".banner")
			.text();
	}

	private static List<String> recipientsOf(MimeMessage message) throws Exception {
		return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
	}

}
