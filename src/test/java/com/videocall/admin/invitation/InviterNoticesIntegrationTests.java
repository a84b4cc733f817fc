package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Pages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inviter hears back (LC5): when the person sets up their account, each administrator
 * who invited one of the roles they received and still administers its area is emailed
 * once, naming only those roles; not one who switched it off on their Security page, nor
 * one who no longer administers the area, nor a disabled account.
 */
@IntegrationTest
class InviterNoticesIntegrationTests extends InviteeLinksTest {

	@Autowired
	Invitations asAdministrator;

	@Autowired
	InvitationRecords records;

	@Autowired
	Pages browsers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void emailsEachAdministratorWhoInvitedAndStillIsOneOnceWhenThePersonSetsUpTheirAccount() throws Exception {
		String serviceAdmin = administrator("service", Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		String quietAdmin = administrator("quiet", Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		String formerAdmin = administrator("former", Role.MEETING_ROOM_ADMINISTRATOR, this.clinic.meetingRoom());
		long otherWaitingArea = this.organisation.area(AreaKind.WAITING_AREA, "Other " + this.clinic.tag(),
				this.clinic.unit());
		String disabledAdmin = administrator("disabled", Role.SERVICE_ADMINISTRATOR, otherWaitingArea);

		Invitee invitee = this.invitations.pendingFor(this.clinic, "joiner",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		invite(invitee, serviceAdmin, this.clinic.waitingArea(), Role.RECEPTIONIST);
		invite(invitee, quietAdmin, this.clinic.waitingArea(), Role.SERVICE_ADMINISTRATOR);
		invite(invitee, formerAdmin, this.clinic.meetingRoom(), Role.MEETING_ROOM_ADMINISTRATOR);
		invite(invitee, disabledAdmin, otherWaitingArea, Role.SERVICE_PROVIDER);

		Browser quiet = this.browsers.as(quietAdmin);
		Document security = quiet.open("/security");
		assertThat(security.select("label[for=setUpNotices]").text())
			.isEqualTo("Email me when someone I invited sets up their account");
		assertThat(security.select("input#setUpNotices").hasAttr("checked")).as("on at first").isTrue();
		security.select("input#setUpNotices").removeAttr("checked");
		assertThat(Browser.successBanner(quiet.submit(security.select("form[action=/security/notices]").first())))
			.isEqualTo("You will no longer be emailed when someone you invited sets up their account.");
		this.jdbc.sql("delete from role_grant where account_id = ?")
			.param(this.organisation.accountId(formerAdmin))
			.update();
		this.jdbc.sql("update account set status = 'DISABLED' where id = ?")
			.param(this.organisation.accountId(disabledAdmin))
			.update();

		String name = "Robin <b>Joiner</b>";
		this.pages.submit(this.invitations.token(invitee), name).andExpect(redirectedUrl("/"));
		this.pages.submit(this.invitations.token(invitee), name);

		String headline = name + " has set up their account.";
		assertThat(this.records.storedEmailsTo(this.clinic.adminEmail())).singleElement().satisfies((email) -> {
			assertThat(email.textBody()).contains(headline, "Service Provider in " + this.clinic.waitingAreaName(),
					"Meeting Room Member in " + this.clinic.meetingRoomName(), "/security");
			assertThat(email.htmlBody()).contains("Robin &lt;b&gt;Joiner&lt;/b&gt; has set up their account.")
				.doesNotContain("<b>");
		});
		assertThat(this.records.storedEmailsTo(serviceAdmin)).singleElement().satisfies((email) -> {
			assertThat(email.textBody()).contains(headline, "Receptionist in " + this.clinic.waitingAreaName());
			assertThat(email.textBody() + email.htmlBody()).as("another administrator's area")
				.doesNotContain(this.clinic.meetingRoomName())
				.doesNotContain("Other " + this.clinic.tag());
		});
		assertThat(this.records.emailsTo(quietAdmin)).as("switched off").isZero();
		assertThat(this.records.emailsTo(formerAdmin)).as("no longer an administrator of the room").isZero();
		assertThat(this.records.emailsTo(disabledAdmin)).as("disabled").isZero();
	}

	@Test
	void theSecurityPageSwitchIsKeptAndNeedsTheCsrfToken() throws Exception {
		String admin = administrator("switch", Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		Browser browser = this.browsers.as(admin);

		assertThat(browser.postWithoutCsrfToken("/security/notices").getResponse().getStatus()).isEqualTo(403);
		assertThat(wantsNotices(admin)).isTrue();
		browser.post("/security/notices");
		assertThat(wantsNotices(admin)).isFalse();
		assertThat(browser.open("/security").select("input#setUpNotices").hasAttr("checked")).isFalse();
		assertThat(Browser.successBanner(browser.follow(browser.post("/security/notices", "setUpNotices", "true"))))
			.isEqualTo("You will be emailed when someone you invited sets up their account.");
		assertThat(wantsNotices(admin)).isTrue();
		assertThat(browser.open("/security").select("input#setUpNotices").hasAttr("checked")).isTrue();
	}

	/** A new active administrator of the clinic with this role; their email. */
	private String administrator(String who, Role role, long areaId) {
		String email = this.clinic.email(who + ".admin");
		long id = this.organisation.person("Admin " + who, email, AccountStatus.ACTIVE);
		this.organisation.grant(id, role, areaId);
		return email;
	}

	private void invite(Invitee invitee, String admin, long areaId, Role role) {
		this.asAdministrator.pendingFor(invitee.email(), admin, areaId, role);
	}

	private boolean wantsNotices(String email) {
		return this.jdbc.sql("select set_up_notices from account where lower(email) = lower(?)")
			.param(email)
			.query(Boolean.class)
			.single();
	}

}
