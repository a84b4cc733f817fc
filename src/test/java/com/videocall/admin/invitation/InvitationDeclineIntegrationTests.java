package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.InvitationRecords.StoredEmail;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees.Snapshot;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.SessionCookie;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "This invitation isn't for me" (LC6): every email that carries a link carries it too;
 * its page changes nothing; "Decline invitation" ends the invitation once, with the
 * newest valid link only, and emails each administrator who invited once; the address can
 * be invited again. The expired link and the new link it asks for are in
 * {@link InvitationLinkExpiryIntegrationTests}, automatic reminders in
 * {@code AutomaticRemindersIntegrationTests}.
 */
@IntegrationTest
class InvitationDeclineIntegrationTests extends InviteeLinksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Pages browsers;

	@Autowired
	Invitations asAdministrator;

	@Autowired
	InvitationManagement management;

	@Autowired
	InvitationRecords records;

	@Autowired
	MailServer mail;

	@Autowired
	JdbcClient jdbc;

	/** A Service Administrator of the clinic's waiting area, who invites too. */
	String serviceAdmin;

	@BeforeEach
	void serviceAdministrator() {
		this.serviceAdmin = this.clinic.email("service.admin");
		long id = this.organisation.person("Sam Service", this.serviceAdmin);
		this.organisation.grant(id, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
	}

	@Test
	void everyEmailWithALinkCarriesItsOwnDeclineLink() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "every.email");
		this.asAdministrator.pendingFor(invitee.email(), this.serviceAdmin, this.clinic.waitingArea(),
				Role.RECEPTIONIST);
		this.invitations.remind(invitee);

		List<MimeMessage> received = this.mail.awaitEmails(invitee.email(), 3);
		for (MimeMessage email : received) {
			String token = Invitees.tokenIn(MailServer.text(email));
			String decline = "/invitation/" + token + "/decline";
			assertThat(MailServer.text(email)).contains("This invitation isn't for me: ", decline);
			assertThat(MailServer.html(email)).contains(decline + "\">This invitation isn&#39;t for me</a>");
		}
	}

	@Test
	void itsPageChangesNothingAndDecliningEndsTheInvitationAndTellsEachInviterOnce() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "not.me",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		this.asAdministrator.pendingFor(invitee.email(), this.serviceAdmin, this.clinic.waitingArea(),
				Role.RECEPTIONIST);
		String token = this.invitations.token(invitee);
		Snapshot before = this.invitations.snapshot(invitee);

		Document page = LinkPages.html(this.mvc.perform(get("/invitation/{token}/decline", token)));
		assertThat(page.select("h1").text()).isEqualTo("This invitation isn't for me");
		assertThat(page.text()).contains("This invitation was sent to " + invitee.email(),
				"the administrators who sent it are emailed that the address may be wrong");
		assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/invitation/" + token + "/decline");
		assertThat(page.select("form[method=post] input[name=_csrf]")).hasSize(1);
		assertThat(page.select("form[method=post] button").text()).isEqualTo("Decline invitation");
		assertThat(this.pages.openWithoutChanging(invitee, token)
			.select("a[href=/invitation/" + token + "/decline]")
			.text()).isEqualTo("This invitation isn't for me");
		this.mvc.perform(post("/invitation/{token}/decline", token)).andExpect(status().isForbidden());
		assertThat(this.invitations.snapshot(invitee)).as("after the page and a forged form").isEqualTo(before);

		MvcResult declined = this.mvc.perform(LinkPages.decline(token))
			.andExpect(redirectedUrl("/invitation/" + token))
			.andReturn();
		Document after = LinkPages
			.html(this.mvc.perform(get("/invitation/{token}", token).with(SessionCookie.of(declined))));
		assertThat(after.select(".banner").text()).startsWith("You have declined the invitation.");
		assertThat(after.select("h1").text()).isEqualTo("This invitation has been declined");
		assertThat(after.select("input[type=password]")).isEmpty();

		// Sent again (double click, back button): the same page, nothing more happens.
		this.mvc.perform(LinkPages.decline(token)).andExpect(redirectedUrl("/invitation/" + token));
		assertThat(LinkPages.html(this.mvc.perform(get("/invitation/{token}/decline", token))).select("h1").text())
			.isEqualTo("This invitation has been declined");
		this.pages.submit(token, "Not Me").andExpect(status().isOk());
		assertThat(this.invitations.status(invitee)).isEqualTo("DECLINED");
		assertThat(this.invitations.accountStatus(invitee)).isEqualTo("INVITED");
		assertThat(this.invitations.grantedRoles(invitee)).isEmpty();
		assertThat(this.invitations.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ROLES_ADDED,
				HistoryType.DECLINED);
		long personId = this.organisation.accountId(invitee.email());
		assertThat(this.jdbc.sql("select actor_id from activity_entry where invitation_id = ? and kind = 'DECLINED'")
			.param(invitee.invitation())
			.query(Long.class)
			.single()).as("the invitee did it").isEqualTo(personId);

		String headline = invitee.email() + " declined the invitation: the address may be wrong.";
		List<StoredEmail> toClinicAdmin = this.records.storedEmailsTo(this.clinic.adminEmail());
		assertThat(toClinicAdmin).singleElement().satisfies((email) -> {
			assertThat(email.textBody()).contains(headline, "Service Provider in " + this.clinic.waitingAreaName(),
					"Meeting Room Member in " + this.clinic.meetingRoomName());
			assertThat(email.htmlBody()).contains(headline);
		});
		assertThat(this.records.storedEmailsTo(this.serviceAdmin)).singleElement().satisfies((email) -> {
			assertThat(email.textBody()).contains(headline, "Receptionist in " + this.clinic.waitingAreaName());
			assertThat(email.textBody() + email.htmlBody()).as("another administrator's area")
				.doesNotContain(this.clinic.meetingRoomName())
				.doesNotContain("Service Provider");
		});

		Browser admin = this.browsers.as(this.clinic.adminEmail());
		Document dialog = admin.open("/users/invitations/" + invitee.invitation());
		assertThat(dialog.select(".history .what").eachText()).contains("Invitation declined by the invitee");
		assertThat(dialog.text()).contains("Declined");
		Document activity = admin.open("/activity?what=DECLINED&area=" + this.clinic.waitingArea());
		assertThat(activity.select("tbody tr").text()).contains("Invitation declined", "the invitee");
		assertThat(Browser
			.informationBanner(admin.follow(admin.post("/users/invitations/" + invitee.invitation() + "/reminder",
					"version", String.valueOf(this.records.version(invitee.invitation()))))))
			.isEqualTo("The person this invitation was sent to has declined it, so nothing was done.");
		assertThat(this.jdbc.sql("select count(*) from pending_invitation where invitation_id = ?")
			.param(invitee.invitation())
			.query(Long.class)
			.single()).as("left the Pending Invitations list").isZero();
	}

	@Test
	void onlyTheNewestLinkOfAPendingInvitationDeclines() throws Exception {
		Invitee reminded = this.invitations.pendingFor(this.clinic, "reminded");
		String replaced = this.invitations.token(reminded);
		this.invitations.remind(reminded);
		Invitee cancelled = this.invitations.pendingFor(this.clinic, "cancelled");
		String withdrawn = this.invitations.token(cancelled);
		this.invitations.removeRoles(cancelled, Role.SERVICE_PROVIDER);

		assertThat(LinkPages.html(this.mvc.perform(get("/invitation/{token}/decline", replaced))).select("h1").text())
			.isEqualTo("This link has been replaced");
		assertThat(LinkPages.html(this.mvc.perform(get("/invitation/{token}/decline", withdrawn))).select("h1").text())
			.isEqualTo("This invitation has been cancelled");
		this.mvc.perform(LinkPages.decline(replaced)).andExpect(redirectedUrl("/invitation/" + replaced));
		this.mvc.perform(LinkPages.decline(withdrawn)).andExpect(redirectedUrl("/invitation/" + withdrawn));

		assertThat(this.invitations.status(reminded)).isEqualTo("PENDING");
		assertThat(this.invitations.status(cancelled)).isEqualTo("CANCELLED");
		assertThat(this.records.emailsTo(this.clinic.adminEmail())).isZero();
	}

	@Test
	void aDeclinedAddressCanBeInvitedAgainAndUndoRefusesToBringTheOldInvitationBack() throws Exception {
		Invitee first = this.invitations.pendingFor(this.clinic, "again",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		long receptionist = this.jdbc
			.sql("select id from invited_role where invitation_id = ? and role = 'RECEPTIONIST'")
			.param(first.invitation())
			.query(Long.class)
			.single();
		long undo = this.management
			.removeRoles(this.asAdministrator.scope(this.clinic.adminEmail()),
					this.asAdministrator.actor(this.clinic.adminEmail()), first.invitation(),
					this.records.version(first.invitation()), Set.of(receptionist), "Test")
			.undoId();
		this.mvc.perform(LinkPages.decline(this.invitations.token(first)));
		assertThat(this.invitations.status(first)).isEqualTo("DECLINED");

		Browser admin = this.browsers.as(this.clinic.adminEmail());
		assertThat(Browser.errorBanner(admin.follow(admin.post("/users/undo/" + undo, "back", "/users"))))
			.isEqualTo("Nothing was undone: the person declined the invitation after the removal.");
		assertThat(this.invitations.status(first)).isEqualTo("DECLINED");

		Invitee second = this.invitations.pendingFor(this.clinic, "again");
		assertThat(second.email()).isEqualTo(first.email());
		assertThat(second.invitation()).isNotEqualTo(first.invitation());
		assertThat(this.records.invitationsOf(first.email())).isEqualTo(2);
		String token = this.invitations.token(second);
		assertThat(this.pages.openWithoutChanging(second, token).select("h1").text()).isEqualTo("Set up your account");
		this.pages.submit(token, "Alex Again").andExpect(redirectedUrl("/"));
		assertThat(this.invitations.grantedRoles(second))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
	}

}
