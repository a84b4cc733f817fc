package com.videocall.admin.access;

import static com.videocall.admin.support.Browser.errorSummary;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Access until" on Add Users (LC1): the date goes with the roles added, to an
 * invitation, to roles given at once and from an invitation to the roles granted on
 * set-up, and shows wherever the role does ("Service Provider until 28 Feb 2027"); a date
 * that is not one, or lies in the past or beyond five years, is refused and changes
 * nothing.
 */
@IntegrationTest
class AccessUntilIntegrationTests extends AdministratorPagesTest {

	static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitees invitees;

	@Autowired
	LinkPages links;

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	static String day(LocalDate date) {
		return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
	}

	MvcResult addUsers(String recipients, String accessUntil, Role... roles) throws Exception {
		return this.admin.post(this.clinic.waitingAreaPath() + "/add-users", withRoles(
				new String[] { "recipients", recipients, "customMessage", "", "accessUntil", accessUntil }, roles));
	}

	private static String[] withRoles(String[] fields, Role... roles) {
		String[] all = new String[fields.length + 2 * roles.length];
		System.arraycopy(fields, 0, all, 0, fields.length);
		for (int i = 0; i < roles.length; i++) {
			all[fields.length + 2 * i] = "roles";
			all[fields.length + 2 * i + 1] = roles[i].name();
		}
		return all;
	}

	List<String> invitedUntil(String email) {
		return this.jdbc.sql("""
				select r.role || ' ' || coalesce(r.access_until::text, '-') from invited_role r
				join invitation i on i.id = r.invitation_id join account a on a.id = i.account_id
				where lower(a.email) = lower(?) and i.status = 'PENDING' order by r.role
				""").param(email).query(String.class).list();
	}

	List<String> grantedUntil(String email) {
		return this.jdbc.sql("""
				select g.role || ' ' || coalesce(g.access_until::text, '-') from role_grant g
				join account a on a.id = g.account_id where lower(a.email) = lower(?) order by g.role
				""").param(email).query(String.class).list();
	}

	@Test
	void invitesToRolesUntilTheDateAndShowsItInTheDialogTheListsAndTheEmail() throws Exception {
		String invitee = this.clinic.email("until");
		LocalDate until = today().plusMonths(3);

		Document people = this.admin
			.follow(addUsers(invitee, until.toString(), Role.SERVICE_PROVIDER, Role.RECEPTIONIST));

		assertThat(successBanner(people)).isEqualTo("Invitation sent to " + invitee + ".");
		assertThat(invitedUntil(invitee)).containsExactly("RECEPTIONIST " + until, "SERVICE_PROVIDER " + until);
		String label = "Service Provider until " + day(until) + ", Receptionist until " + day(until);
		assertThat(people.text()).contains(label);
		long invitation = this.records.pendingFor(invitee);
		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.select("td[data-label=Role]").eachText())
			.containsExactly("Service Provider until " + day(until), "Receptionist until " + day(until));
		assertThat(this.admin.open("/pending-invitations?search=" + invitee).text())
			.contains("Service Provider until " + day(until) + " in " + this.clinic.waitingAreaName());
		assertThat(this.records.storedEmailsTo(invitee).get(0).textBody())
			.contains("Service Provider in " + this.clinic.waitingAreaName() + " until " + day(until));
	}

	@Test
	void givesAnActiveAccountTheRolesUntilTheDateAndShowsThemOnItsPage() throws Exception {
		String email = this.clinic.email("active.until");
		long person = this.organisation.person("Ada Until", email);
		LocalDate until = today();

		Document people = this.admin.follow(addUsers(email, until.toString(), Role.SERVICE_PROVIDER));

		assertThat(successBanner(people)).isEqualTo("Roles given at once to " + email + ".");
		assertThat(grantedUntil(email)).containsExactly("SERVICE_PROVIDER " + until);
		assertThat(this.admin.open("/users/" + person).select("td[data-label=Role]").eachText())
			.containsExactly("Service Provider until " + day(until));
		assertThat(this.records.storedEmailsTo(email).get(0).textBody())
			.contains("Service Provider in " + this.clinic.waitingAreaName() + " until " + day(until));
	}

	@Test
	void acceptsTheDateAsDayMonthYearWhereTheBrowserOffersText() throws Exception {
		String invitee = this.clinic.email("typed");
		LocalDate until = today().plusDays(40);

		this.admin.follow(addUsers(invitee, until.getDayOfMonth() + "/" + until.getMonthValue() + "/" + until.getYear(),
				Role.RECEPTIONIST));

		assertThat(invitedUntil(invitee)).containsExactly("RECEPTIONIST " + until);
	}

	@Test
	void refusesADateInThePastBeyondFiveYearsOrNoDateAtAllAndAddsNobody() throws Exception {
		String invitee = this.clinic.email("bad.until");
		String[][] cases = { { today().minusDays(1).toString(), "The last day of access cannot be in the past" },
				{ today().plusYears(5).plusDays(1).toString(), "The last day of access must be within 5 years" },
				{ "2027-02-30", "Enter the last day of access as a date, like 28/02/2027" },
				{ "<b>soon</b>", "Enter the last day of access as a date, like 28/02/2027" } };
		for (String[] bad : cases) {
			Document form = Browser.page(addUsers(invitee, bad[0], Role.SERVICE_PROVIDER));

			assertThat(errorSummary(form)).as(bad[0]).containsExactly(bad[1]);
			assertThat(form.select("#accessUntil-error").text()).isEqualTo(bad[1]);
			assertThat(form.select("input#accessUntil").attr("aria-invalid")).isEqualTo("true");
			assertThat(form.select("input#accessUntil").attr("value")).isEqualTo(bad[0]);
		}
		assertThat(this.records.accountExists(invitee)).isFalse();
	}

	@Test
	void datesOnlyTheRolesAddedToAPendingInvitation() throws Exception {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "extended");
		LocalDate until = today().plusWeeks(2);

		Document people = this.admin
			.follow(addUsers(invitee.email(), until.toString(), Role.SERVICE_PROVIDER, Role.RECEPTIONIST));

		assertThat(successBanner(people))
			.isEqualTo("Invitation extended with the new roles for " + invitee.email() + ".");
		assertThat(invitedUntil(invitee.email())).containsExactly("RECEPTIONIST " + until, "SERVICE_PROVIDER -");
	}

	@Test
	void undoPutsARoleBackWithItsDate() throws Exception {
		String invitee = this.clinic.email("undone");
		LocalDate until = today().plusDays(20);
		this.admin.follow(addUsers(invitee, until.toString(), Role.RECEPTIONIST));
		long invitation = this.records.pendingFor(invitee);

		long undo = this.invitations.removeAllRoles(invitation, this.clinic.adminEmail());
		this.admin.follow(this.admin.post("/users/undo/" + undo, "back", "/users"));

		assertThat(invitedUntil(invitee)).containsExactly("RECEPTIONIST " + until);
	}

	@Test
	void grantsTheInvitedRolesWithTheirDatesWhenTheAccountIsSetUp() throws Exception {
		String invitee = this.clinic.email("accepts");
		LocalDate until = today().plusDays(10);
		this.admin.follow(addUsers(invitee, until.toString(), Role.RECEPTIONIST));
		this.admin.follow(addUsers(invitee, "", Role.SERVICE_PROVIDER));
		Invitee pending = new Invitee(this.clinic, invitee, this.records.pendingFor(invitee));
		String token = this.invitees.token(pending);

		assertThat(this.links.openWithoutChanging(pending, token).select("li").eachText())
			.contains("Receptionist until " + day(until) + " in " + this.clinic.waitingAreaName());
		this.links.submit(token, "Nia Newcomer");

		assertThat(grantedUntil(invitee)).containsExactly("RECEPTIONIST " + until, "SERVICE_PROVIDER -");
	}

	@Test
	void offersTheFieldWithTheTimeZoneOnTheForm() throws Exception {
		Document form = this.admin.open(this.clinic.waitingAreaPath() + "/add-users");

		assertThat(form.select("input#accessUntil").attr("type")).isEqualTo("date");
		assertThat(form.select("label[for=accessUntil]").text()).isEqualTo("Access until (optional)");
		assertThat(form.select("#accessUntil-hint").text()).contains("Australia/Sydney");
	}

}
