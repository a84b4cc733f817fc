package com.videocall.admin.activity;

import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.List;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationPages;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.signin.SecondFactorService;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every action is recorded once in the activity trail, from every place it can be taken,
 * with who did it, whom it concerns, the page and the areas: the dialog, the areas'
 * menus, Add Users, the Pending Invitations list (one at a time and in bulk, and its
 * export), the reminder settings, the second factor reset, and the invitee's own set-up.
 * Automatic reminders are counted by {@code AutomaticRemindersIntegrationTests}, a new
 * link asked for by {@code HistoryMigrationTests} and
 * {@code InvitationLinkPagesIntegrationTests}.
 */
@IntegrationTest
class ActivityRecordingIntegrationTests extends AdministratorPagesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitees invitees;

	@Autowired
	LinkPages links;

	@Autowired
	SecondFactorService factors;

	@Autowired
	MockMvc mvc;

	@Test
	void recordsEachInvitationActionOnceWithItsPage() throws Exception {
		String invitee = this.clinic.email("recorded");
		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.waitingAreaPath(), invitee, "", Role.SERVICE_PROVIDER)));
		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.meetingRoomPath(), invitee, "", Role.MEETING_ROOM_MEMBER)));
		long invitation = this.records.pendingFor(invitee);
		successBanner(this.admin.submit(InvitationPages.actionOf(
				this.admin.open(AreaKind.WAITING_AREA.peoplePath(this.clinic.waitingArea())), invitee, "/reminder")));
		this.invitations.moveLastReminderBack(invitation, Duration.ofHours(1));
		successBanner(this.admin.follow(this.admin.post("/pending-invitations/reminders", "selected",
				invitation + ":" + this.records.version(invitation))));
		List<Long> roles = this.records.roleIds(invitation);
		successBanner(this.admin.follow(this.admin.post(InvitationPages.dialogUrl(invitation) + "/removal", "version",
				String.valueOf(this.records.version(invitation)), "role", String.valueOf(roles.get(1)))));
		successBanner(this.admin.submit(
				InvitationPages.actionOf(this.admin.open(AreaKind.WAITING_AREA.peoplePath(this.clinic.waitingArea())),
						invitee, "/cancellation")));

		assertThat(entries(invitation)).containsExactly(
				"INVITED|" + this.clinic.admin() + "|Add Users: " + this.clinic.waitingAreaName() + "|"
						+ this.clinic.waitingArea() + ":SERVICE_PROVIDER",
				"ROLES_ADDED|" + this.clinic.admin() + "|Add Users: " + this.clinic.meetingRoomName() + "|"
						+ this.clinic.meetingRoom() + ":MEETING_ROOM_MEMBER",
				"REMINDER_SENT|" + this.clinic.admin() + "|Manage Users: " + this.clinic.waitingAreaName() + "|"
						+ this.clinic.waitingArea() + ":",
				"REMINDER_SENT|" + this.clinic.admin() + "|Pending Invitations|" + this.clinic.waitingArea() + ":,"
						+ this.clinic.meetingRoom() + ":",
				"ROLES_REMOVED|" + this.clinic.admin() + "|Users: Manage Invitation|" + this.clinic.meetingRoom()
						+ ":MEETING_ROOM_MEMBER",
				"ROLES_REMOVED|" + this.clinic.admin() + "|Manage Users: " + this.clinic.waitingAreaName() + "|"
						+ this.clinic.waitingArea() + ":SERVICE_PROVIDER",
				"CANCELLED|" + this.clinic.admin() + "|Manage Users: " + this.clinic.waitingAreaName() + "|"
						+ this.clinic.waitingArea() + ":SERVICE_PROVIDER");
		assertThat(this.jdbc.sql("select distinct person_id from activity_entry where invitation_id = ?")
			.param(invitation)
			.query(Long.class)
			.list()).containsExactly(this.organisation.accountId(invitee));
	}

	@Test
	void recordsTheInviteeSettingUpTheirAccountSignedInAndRolesGrantedToAnActiveAccount() throws Exception {
		Invitees.Invitee invitee = this.invitees.pendingFor(this.clinic, "sets-up");
		this.links.submit(this.invitees.token(invitee), "Set Up Person").andReturn();
		long account = this.organisation.accountId(invitee.email());
		assertThat(entries(invitee.invitation())).last()
			.isEqualTo("ACCEPTED|" + account + "|null|" + this.clinic.waitingArea() + ":SERVICE_PROVIDER");

		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.meetingRoomPath(), invitee.email(), "", Role.MEETING_ROOM_MEMBER)));
		assertThat(this.jdbc.sql("""
				select kind || '|' || actor_id || '|' || coalesce(source_page, detail) from activity_entry
				where person_id = ? and invitation_id is null order by id
				""").param(account).query(String.class).list()).containsExactly(
				"SIGNED_IN|" + account + "|account set-up",
				"ROLES_GRANTED|" + this.clinic.admin() + "|Add Users: " + this.clinic.meetingRoomName());
	}

	@Test
	void recordsSettingsExportsAndSecondFactorChanges() throws Exception {
		long provider = this.organisation.person("Provider " + this.clinic.tag(), this.clinic.email("provider"));
		this.organisation.grant(provider, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		byte[] key = this.factors.newKey();
		long before = newest();
		this.factors.setUpAuthenticatorApp(provider, this.clinic.email("provider"), key,
				AuthenticatorAppCodes.code(new Base32().encodeAsString(key), 0));
		assertThat(this.jdbc.sql("select kind || '|' || actor_id || '|' || detail from activity_entry where id > ?")
			.param(before)
			.query(String.class)
			.list()).containsExactly("SECOND_FACTOR_ADDED|" + provider + "|authenticator app");
		before = newest();
		successBanner(this.admin.follow(this.admin.post("/users/" + provider + "/second-factor-reset")));
		successBanner(this.admin.follow(this.admin.post("/organisational-units/" + this.clinic.unit() + "/reminders",
				"enabled", "true", "days", "3, 10", "windowStart", "09:00", "windowEnd", "17:00")));
		this.admin.request("/pending-invitations/export?area=" + this.clinic.waitingArea());
		assertThat(since(before)).containsExactly(
				"SECOND_FACTOR_RESET|" + this.clinic.admin() + "|null|" + this.clinic.waitingArea() + ":",
				"REMINDER_SETTINGS_CHANGED|" + this.clinic.admin() + "|on: days 3, 10; 09:00-17:00|"
						+ this.clinic.unit() + ":",
				"EXPORTED|" + this.clinic.admin() + "|Pending Invitations: 0 rows|" + this.clinic.waitingArea() + ":");
	}

	/**
	 * A sign-in and a refused one are the person's, with how and why; the email of no
	 * account leaves nothing in the trail (the security log has it).
	 */
	@Test
	void recordsSignInsAndRefusalsOfExistingAccounts() throws Exception {
		String email = this.clinic.email("signs-in");
		long person = this.organisation.person("Signs In", email);
		long before = newest();
		this.mvc.perform(signIn(email, TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/"));
		this.mvc.perform(signIn(email, "not the password")).andExpect(redirectedUrl("/sign-in?error"));
		this.mvc.perform(signIn(this.clinic.email("nobody"), "anything")).andExpect(redirectedUrl("/sign-in?error"));

		assertThat(this.jdbc.sql("""
				select e.kind || '|' || coalesce(e.actor_id::text, 'null') || '|' || e.person_id || '|' || e.detail
				       || '|' || (select count(*) from activity_entry_area x where x.entry_id = e.id)
				from activity_entry e where e.id > ? and e.kind in ('SIGNED_IN', 'SIGN_IN_REFUSED') order by e.id
				""").param(before).query(String.class).list()).containsExactly(
				"SIGNED_IN|" + person + "|" + person + "|password|0",
				"SIGN_IN_REFUSED|null|" + person + "|wrong password|0");
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password) {
		return post("/sign-in").param("email", email)
			.param("password", password)
			.with(csrf())
			.with(new SessionCookie())
			.with(ClientAddresses.from(ClientAddresses.fresh()));
	}

	private long newest() {
		return this.jdbc.sql("select coalesce(max(id), 0) from activity_entry").query(Long.class).single();
	}

	/**
	 * The entries written since, for this clinic's administrator: kind, actor, detail,
	 * areas.
	 */
	private List<String> since(long before) {
		return this.jdbc.sql("""
				select e.kind || '|' || e.actor_id || '|' || coalesce(e.detail, 'null') || '|'
				       || (select string_agg(x.area_id || ':' || array_to_string(x.roles, ','), ',' order by x.area_id)
				           from activity_entry_area x where x.entry_id = e.id)
				from activity_entry e where e.id > ? and e.actor_id = ? order by e.id
				""").params(before, this.clinic.admin()).query(String.class).list();
	}

	/** The invitation's entries: kind, actor, page, areas with their roles. */
	private List<String> entries(long invitation) {
		return this.jdbc
			.sql("""
					select e.kind || '|' || coalesce(e.actor_id::text, 'null') || '|' || coalesce(e.source_page, 'null') || '|'
					       || (select string_agg(x.area_id || ':' || array_to_string(x.roles, ','), ',' order by x.area_id)
					           from activity_entry_area x where x.entry_id = e.id)
					from activity_entry e where e.invitation_id = ? order by e.id
					""")
			.param(invitation)
			.query(String.class)
			.list();
	}

}
