package com.videocall.admin.access;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.errorSummary;
import static com.videocall.admin.support.Browser.informationBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Change end date" (LC1) of a granted role from the person's page and of an invited role
 * from the Manage Invitation dialog: moves or clears the end, with a banner and an entry
 * "End date changed"; a bad date changes nothing; a stale form or the same form twice
 * changes nothing more; another area's administrator finds nothing.
 */
@IntegrationTest
class ChangeEndDateIntegrationTests extends AdministratorPagesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitees invitees;

	LocalDate today;

	long person;

	@BeforeEach
	void provider() {
		this.today = LocalDate.now(ZoneId.of("Australia/Sydney"));
		this.person = this.organisation.person("Cora Changed", this.clinic.email("changed"));
		this.organisation.grant(this.person, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		this.jdbc.sql("update role_grant set access_until = ?, access_warned_at = now() where account_id = ?")
			.params(this.today.plusDays(3), this.person)
			.update();
	}

	static String day(LocalDate date) {
		return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
	}

	String formUrl() {
		return "/users/" + this.person + "/end-date?area=" + this.clinic.waitingArea() + "&role=SERVICE_PROVIDER";
	}

	Element form(Browser browser) throws Exception {
		return browser.open(formUrl()).selectFirst("form.card");
	}

	/** Types the date into the form's field and presses "Change end date". */
	Document change(Browser browser, Element form, String date) throws Exception {
		form.selectFirst("input#accessUntil").val(date);
		return browser.submit(form, "action", "change");
	}

	String until() {
		return this.jdbc
			.sql("select coalesce(access_until::text, '-') || ' ' || (access_warned_at is null) "
					+ "from role_grant where account_id = ?")
			.param(this.person)
			.query(String.class)
			.single();
	}

	List<String> changes(long person) {
		return this.jdbc.sql("""
				select coalesce(e.actor_id::text, '-') || ' ' || e.detail || ' ' || x.area_id
				from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.person_id = ? and e.kind = 'ACCESS_END_CHANGED' order by e.id
				""").param(person).query(String.class).list();
	}

	@Test
	void movesTheEndOfAGrantedRoleFromThePersonsPage() throws Exception {
		Document page = this.admin.open("/users/" + this.person);
		assertThat(page.select("td[data-label=Role]").eachText())
			.containsExactly("Service Provider until " + day(this.today.plusDays(3)));
		assertThat(page.select("td[data-label=Access] a").attr("href")).isEqualTo(formUrl());
		LocalDate later = this.today.plusMonths(2);

		Document after = change(this.admin, form(this.admin), later.toString());

		assertThat(successBanner(after)).isEqualTo("Access of Cora Changed as Service Provider in "
				+ this.clinic.waitingAreaName() + " now ends on " + day(later) + ".");
		assertThat(after.select("td[data-label=Role]").eachText())
			.containsExactly("Service Provider until " + day(later));
		assertThat(until()).as("a new date may be warned of again").isEqualTo(later + " true");
		assertThat(changes(this.person)).containsExactly(
				this.clinic.admin() + " " + this.today.plusDays(3) + " to " + later + " " + this.clinic.waitingArea());
	}

	@Test
	void clearsTheEndAndTheSameFormSentAgainChangesNothingMore() throws Exception {
		Element form = form(this.admin);

		Document cleared = this.admin.submit(form, "action", "clear");
		Document again = this.admin.submit(form, "action", "clear");

		assertThat(successBanner(cleared)).isEqualTo(
				"Access of Cora Changed as Service Provider in " + this.clinic.waitingAreaName() + " no longer ends.");
		assertThat(informationBanner(again)).startsWith("The end date of Cora Changed as Service Provider");
		assertThat(until()).startsWith("- ");
		assertThat(changes(this.person)).hasSize(1);
	}

	@Test
	void aStaleFormChangesNothingAndShowsTheDateAsItIsNow() throws Exception {
		Element stale = form(this.admin);
		change(this.admin, form(this.admin), this.today.plusDays(9).toString());

		Document page = change(this.admin, stale, this.today.plusDays(20).toString());

		assertThat(errorBanner(page)).startsWith("The end date was changed by someone else meanwhile");
		assertThat(page.select("input#accessUntil").attr("value")).isEqualTo(this.today.plusDays(9).toString());
		assertThat(until()).startsWith(this.today.plusDays(9) + " ");
		assertThat(changes(this.person)).hasSize(1);
	}

	@Test
	void refusesADateInThePastOrNoneAndChangesNothing() throws Exception {
		for (String[] bad : new String[][] { { this.today.minusDays(1).toString(), "cannot be in the past" },
				{ "", "Enter the new end date, or choose Clear end date" },
				{ "31/02/2027", "Enter the last day of access as a date" } }) {
			Document page = Browser.page(this.admin.post("/users/" + this.person + "/end-date", "area",
					"" + this.clinic.waitingArea(), "role", "SERVICE_PROVIDER", "current",
					this.today.plusDays(3).toString(), "accessUntil", bad[0], "action", "change"));

			assertThat(errorSummary(page)).as(bad[0]).singleElement().asString().contains(bad[1]);
		}
		// Today is a last day like any other.
		change(this.admin, form(this.admin), this.today.toString());

		assertThat(until()).startsWith(this.today + " ");
		assertThat(changes(this.person)).hasSize(1);
	}

	@Test
	void anotherAreasAdministratorFindsNothingToChange() throws Exception {
		Clinic other = this.organisation.clinic();
		Browser outsider = this.pages.as(other.adminEmail());

		MvcResult get = outsider.request(formUrl());
		MvcResult post = outsider.post("/users/" + this.person + "/end-date", "area", "" + this.clinic.waitingArea(),
				"role", "SERVICE_PROVIDER", "current", this.today.plusDays(3).toString(), "action", "clear");

		assertThat(get.getResponse().getStatus()).isEqualTo(404);
		assertThat(post.getResponse().getStatus()).isEqualTo(404);
		assertThat(until()).isEqualTo(this.today.plusDays(3) + " false");
		assertThat(changes(this.person)).isEmpty();
	}

	@Test
	void findsNoInvitedRoleOfAnotherAreaInAnInvitationItSees() throws Exception {
		String serviceAdmin = this.clinic.email("service.admin");
		this.organisation.grant(this.organisation.person("Sal Service", serviceAdmin), Role.SERVICE_ADMINISTRATOR,
				this.clinic.waitingArea());
		Invitee invitee = this.invitees.pendingFor(this.clinic, "two.areas",
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(), this.today.plusDays(5)),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom(), this.today.plusDays(5)));
		long roomRole = this.records.roleIds(invitee.invitation()).get(1);
		String url = "/users/invitations/" + invitee.invitation() + "/roles/" + roomRole + "/end-date";
		Browser waitingAreaAdmin = this.pages.as(serviceAdmin);

		assertThat(waitingAreaAdmin.request(url).getResponse().getStatus()).isEqualTo(404);
		assertThat(waitingAreaAdmin.post(url, "current", this.today.plusDays(5).toString(), "action", "clear")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.invitees.history(invitee)).containsExactly(HistoryType.INVITED);
	}

	@Test
	void movesTheEndOfAnInvitedRoleFromTheDialogInScopeOnly() throws Exception {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "invited.change",
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(), this.today.plusDays(5)));
		String dialog = "/users/invitations/" + invitee.invitation();
		Element link = this.admin.open(dialog).selectFirst("a[href$=/end-date]");
		LocalDate later = this.today.plusDays(50);

		Document after = change(this.admin, this.admin.open(link.attr("href")).selectFirst("form.card"),
				later.toString());

		assertThat(successBanner(after)).contains("now ends on " + day(later));
		assertThat(after.select("td[data-label=Role]").eachText()).containsExactly("Receptionist until " + day(later));
		assertThat(after.select(".history .what").eachText())
			.contains("End date changed by Admin " + this.clinic.tag());
		assertThat(this.invitees.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ACCESS_END_CHANGED);

		Browser outsider = this.pages.as(this.organisation.clinic().adminEmail());
		assertThat(outsider.post(link.attr("href"), "current", later.toString(), "action", "clear")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.invitees.history(invitee)).hasSize(2);
	}

}
