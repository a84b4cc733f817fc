package com.videocall.admin.invitation;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Manage Invitation dialog (M1) costs the same few SQL statements whatever the
 * invitation holds: however many roles, inviters, links, history entries and emails, and
 * whether automatic reminders name the area they follow.
 */
@IntegrationTest
class ManageInvitationStatementCountIntegrationTests {

	/**
	 * The administrator's scope; the invitation with its roles, names, newest link and
	 * automatic reminder settings; its history with its emails; the Users list behind the
	 * dialog.
	 */
	private static final int MAX_STATEMENTS = 4;

	/** A statement that reads the table {@code account} itself (not a view over it). */
	private static final Pattern READS_ACCOUNT = Pattern.compile("(?i)\\bfrom\\s+account\\s");

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	StatementCounter statements;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationManagement management;

	@Autowired
	InvitationRecords records;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensTheDialogInAFewStatementsWhateverTheInvitationHolds() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String colleague = clinic.email("colleague");
		this.organisation.grant(this.organisation.person("Colleague " + clinic.tag(), colleague),
				Role.ORGANISATION_ADMINISTRATOR, clinic.unit());
		long simple = this.invitations.pendingFor(clinic.email("simple"), clinic.adminEmail(), clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		String busyInvitee = clinic.email("busy");
		long busy = this.invitations.pendingFor(busyInvitee, clinic.adminEmail(), clinic.waitingArea(),
				Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		this.invitations.pendingFor(busyInvitee, colleague, clinic.meetingRoom(), Role.MEETING_ROOM_ADMINISTRATOR);
		this.invitations.pendingFor(busyInvitee, colleague, clinic.unit(), Role.ORGANISATION_ADMINISTRATOR);
		for (int i = 0; i < 3; i++) {
			this.management.remind(this.invitations.scope(colleague), this.invitations.actor(colleague), busy,
					this.records.version(busy), "Test", null);
			this.invitations.moveLastReminderBack(busy, Duration.ofDays(1));
		}
		this.jdbc.sql("""
				insert into reminder_schedule (area_id, enabled, days, window_start, window_end, changed_by, changed_at)
				values (?, true, '{3}', '00:00', '23:59', ?, now())
				""").params(clinic.unit(), clinic.admin()).update();

		int simpleCount = statementsFor(clinic.adminEmail(), simple, 1, 1, 1);
		int busyCount = statementsFor(clinic.adminEmail(), busy, 4, 5, 4);
		int busyForSystemAdministrator = statementsFor("admin@example.org", busy, 4, 5, 4);

		assertThat(simpleCount).isPositive().isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(busyCount).isEqualTo(simpleCount);
		assertThat(busyForSystemAdministrator).isEqualTo(simpleCount);
	}

	/**
	 * Send Reminder from the dialog reads the invitee's account once: the address that
	 * one read finds is the banner's and the email's.
	 */
	@Test
	void sendsAReminderReadingTheInviteesAccountOnce() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String invitee = clinic.email("reminded");
		long invitation = this.invitations.pendingFor(invitee, clinic.adminEmail(), clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		long emails = this.records.emailsOf(invitation);
		MockHttpServletRequestBuilder remind = post("/users/invitations/" + invitation + "/reminder")
			.param("version", String.valueOf(this.records.version(invitation)))
			.with(this.signIn.as(clinic.adminEmail()))
			.with(csrf());

		List<String> sql = this.statements
			.pageStatements(() -> this.mvc.perform(remind).andExpect(status().is3xxRedirection()));

		assertThat(this.records.events(invitation, "REMINDER_SENT")).isOne();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails + 1);
		assertThat(sql).as("statements reading the table account")
			.filteredOn((statement) -> READS_ACCOUNT.matcher(statement).find())
			.hasSize(1);
	}

	/**
	 * Counts the statements of the dialog after checking that it shows the invitation's
	 * roles, at least {@code historyEntries} history entries and {@code emails} emails,
	 * and the area whose automatic reminder settings it follows.
	 */
	private int statementsFor(String administrator, long invitation, int roles, int historyEntries, int emails)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/users/invitations/" + invitation)
			.with(this.signIn.as(administrator));
		String[] html = new String[1];
		int count = this.statements.count(() -> html[0] = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Document dialog = Jsoup.parse(html[0]);
		assertThat(dialog.select("#manage-invitation input[name=role]")).hasSize(roles);
		assertThat(dialog.select("#manage-invitation ol.history > li").size()).isGreaterThanOrEqualTo(historyEntries);
		assertThat(dialog.select("#manage-invitation td[data-label=Queued]").size()).isGreaterThanOrEqualTo(emails);
		assertThat(dialog.select("#automatic-reminder-rule").text()).startsWith("Following the Invitation Reminders");
		return count;
	}

}
