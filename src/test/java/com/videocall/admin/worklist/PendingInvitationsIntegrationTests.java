package com.videocall.admin.worklist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pending Invitations list (P1–P4) as administrators use it: only the invited roles
 * in their scope, in every row, filter, bulk action and the CSV; bulk actions that keep
 * X4 and X5 for each invitation, skip what changed and repeat nothing.
 */
@IntegrationTest
class PendingInvitationsIntegrationTests extends AdministratorPagesTest {

	@Autowired
	JdbcClient jdbc;

	/** The Service Administrator of the clinic's waiting area only. */
	Browser clinicAdmin;

	String clinicAdminEmail;

	@BeforeEach
	void clinicAdministrator() {
		this.clinicAdminEmail = this.clinic.email("service.admin");
		long id = this.organisation.person("Service Admin " + this.clinic.tag(), this.clinicAdminEmail);
		this.organisation.grant(id, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		this.clinicAdmin = this.pages.as(this.clinicAdminEmail);
	}

	@Test
	void listsEachPendingInvitationWithOnlyTheRolesInScope() throws Exception {
		String both = this.clinic.email("both");
		long invitation = this.invitations.pendingFor(both, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		this.invitations.pendingFor(both, this.clinic.adminEmail(), this.clinic.meetingRoom(),
				Role.MEETING_ROOM_MEMBER);
		String roomOnly = this.clinic.email("room.only");
		this.invitations.pendingFor(roomOnly, this.clinic.adminEmail(), this.clinic.meetingRoom(),
				Role.MEETING_ROOM_MEMBER);

		Element orgRow = row(this.admin.open(list()), both);
		assertThat(orgRow.select("td[data-label=Roles] li")).extracting(Element::text)
			.containsExactlyInAnyOrder("Service Provider in " + this.clinic.waitingAreaName(),
					"Meeting Room Member in " + this.clinic.meetingRoomName());
		assertThat(orgRow.select("td[data-label=Invited]").text()).isEqualTo("Invited just now");
		assertThat(orgRow.select("td[data-label='Invited by']").text()).isEqualTo("Admin " + this.clinic.tag());
		assertThat(orgRow.select("td[data-label='Last reminder']").text()).isEqualTo("Never");
		assertThat(orgRow.select("input[name=selected]").val())
			.isEqualTo(invitation + ":" + this.records.version(invitation));

		Document clinicPage = this.clinicAdmin.open(list());
		assertThat(row(clinicPage, both).select("td[data-label=Roles] li")).extracting(Element::text)
			.containsExactly("Service Provider in " + this.clinic.waitingAreaName());
		assertThat(clinicPage.text()).doesNotContain(roomOnly).doesNotContain(this.clinic.meetingRoomName());
		for (String filter : List.of("expiring", "expired", "email-failed", "never-reminded", "inviter-gone")) {
			assertThat(this.clinicAdmin.open(list() + "&filter=" + filter).text()).doesNotContain(roomOnly)
				.doesNotContain(this.clinic.meetingRoomName());
		}
		// Another area named in the URL matches nothing for them.
		Document otherArea = this.clinicAdmin.open(list() + "&area=" + this.clinic.meetingRoom());
		assertThat(otherArea.select("table tbody tr")).isEmpty();
		assertThat(otherArea.text()).doesNotContain(roomOnly).doesNotContain(both);
		// By area, for the Organisation Administrator: only the people offered a role
		// there.
		Document byArea = this.admin.open(list() + "&area=" + this.clinic.waitingArea());
		assertThat(byArea.select("table tbody tr")).hasSize(1);
		assertThat(byArea.text()).contains(both).doesNotContain(roomOnly);
	}

	@Test
	void sendsRemindersToTheRemindableAndSaysWhatWasSkippedAndWhy() throws Exception {
		long remindable = invite("remindable");
		long tooSoon = invite("too.soon");
		long changed = invite("changed");
		long cancelled = invite("cancelled");
		this.admin.follow(this.admin.post("/users/invitations/" + tooSoon + "/reminder", "version",
				String.valueOf(this.records.version(tooSoon))));
		Document page = this.admin.open(list());
		String changedShown = row(page, this.clinic.email("changed")).select("input[name=selected]").val();
		String cancelledShown = row(page, this.clinic.email("cancelled")).select("input[name=selected]").val();
		// Meanwhile another administrator reminds one ...
		this.invitations.moveLastReminderBack(changed, Duration.ZERO);
		this.admin.follow(this.admin.post("/users/invitations/" + changed + "/reminder", "version",
				String.valueOf(this.records.version(changed))));
		long emailsBefore = this.records.emailsOf(remindable) + this.records.emailsOf(tooSoon)
				+ this.records.emailsOf(changed);

		Document confirm = this.admin.open("/pending-invitations/confirm?action=remind&selected=" + selected(remindable)
				+ "&selected=" + selected(tooSoon) + "&selected=" + changedShown + "&selected=" + cancelledShown);
		assertThat(confirm.select("h1").text()).isEqualTo("Send Reminders");
		assertThat(confirm.text()).contains("Send a reminder with a new link to 4 people?");
		assertThat(confirm.select("main ul li").eachText()).containsExactly(this.clinic.email("cancelled"),
				this.clinic.email("changed"), this.clinic.email("remindable"), this.clinic.email("too.soon"));
		// ... and cancels another while this page is open.
		this.admin.follow(this.admin.post("/users/invitations/" + cancelled + "/removal", "version",
				String.valueOf(this.records.version(cancelled)), "role",
				String.valueOf(this.records.roleIds(cancelled).get(0))));
		assertThat(confirm.select("main form[method=post] button").text()).isEqualTo("Yes");
		assertThat(confirm.select("main form[method=post] a").text()).isEqualTo("No");
		Document done = this.admin.submit(confirm.selectFirst("main form[method=post]"));

		assertThat(successBanner(done)).isEqualTo("Reminders sent to 1 person. 1 skipped: reminded less than "
				+ "10 minutes ago. 1 skipped: changed meanwhile (by another administrator, or the form was sent "
				+ "twice). 1 skipped: no longer pending.");
		assertThat(this.records.remindersSent(remindable)).isEqualTo(1);
		assertThat(this.records.remindersSent(tooSoon)).isEqualTo(1);
		assertThat(this.records.remindersSent(changed)).isEqualTo(1);
		assertThat(this.records.emailsOf(remindable) + this.records.emailsOf(tooSoon) + this.records.emailsOf(changed))
			.isEqualTo(emailsBefore + 1);
		assertThat(this.admin.open("/users/invitations/" + remindable).select("ol.history li").last().text())
			.contains("Pending Invitations");
	}

	@Test
	void aRepeatedFormRepeatsNothing() throws Exception {
		long first = invite("twice.a");
		long second = invite("twice.b");
		String[] form = { "selected", selected(first), "selected", selected(second) };
		assertThat(successBanner(this.admin.follow(this.admin.post("/pending-invitations/reminders", form))))
			.isEqualTo("Reminders sent to 2 people.");
		Document again = this.admin.follow(this.admin.post("/pending-invitations/reminders", form));
		assertThat(errorBanner(again)).startsWith("Reminders sent to nobody. 2 skipped: changed meanwhile");
		assertThat(this.records.remindersSent(first)).isEqualTo(1);
		assertThat(this.records.emailsOf(first)).isEqualTo(2);

		String[] cancel = { "selected", selected(first), "selected", selected(second) };
		assertThat(successBanner(this.admin.follow(this.admin.post("/pending-invitations/cancellation", cancel))))
			.isEqualTo("Invitations cancelled for 2 people.");
		assertThat(errorBanner(this.admin.follow(this.admin.post("/pending-invitations/cancellation", cancel))))
			.isEqualTo("Invitations cancelled for nobody. 2 skipped: no longer pending.");
		assertThat(this.records.status(first)).isEqualTo("CANCELLED");
		assertThat(this.records.events(first, "CANCELLED")).isEqualTo(1);
	}

	@Test
	void cancellingRemovesOnlyTheRolesInScopeAndNeverTouchesAnotherArea() throws Exception {
		String both = this.clinic.email("cancel.both");
		long shared = this.invitations.pendingFor(both, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		this.invitations.pendingFor(both, this.clinic.adminEmail(), this.clinic.meetingRoom(),
				Role.MEETING_ROOM_MEMBER);
		long roomOnly = this.invitations.pendingFor(this.clinic.email("cancel.room"), this.clinic.adminEmail(),
				this.clinic.meetingRoom(), Role.MEETING_ROOM_MEMBER);
		long roomOnlyVersion = this.records.version(roomOnly);

		Document done = this.clinicAdmin.follow(this.clinicAdmin.post("/pending-invitations/cancellation", "selected",
				selected(shared), "selected", roomOnly + ":" + roomOnlyVersion));
		assertThat(successBanner(done)).isEqualTo(
				"Invitations cancelled for 1 person. 1 skipped: no longer pending. 1 invitation remains for other areas.");
		assertThat(this.records.status(shared)).isEqualTo("PENDING");
		assertThat(this.records.roles(shared)).extracting(Invitation.RoleOffer::role)
			.containsExactly(Role.MEETING_ROOM_MEMBER);
		assertThat(this.records.version(roomOnly)).isEqualTo(roomOnlyVersion);
		assertThat(this.records.status(roomOnly)).isEqualTo("PENDING");
		// Reminders cannot reach another area's invitation either.
		this.clinicAdmin.follow(
				this.clinicAdmin.post("/pending-invitations/reminders", "selected", roomOnly + ":" + roomOnlyVersion));
		assertThat(this.records.remindersSent(roomOnly)).isZero();
	}

	/**
	 * The rows of the confirmation come from its URL, which anyone can write and send in
	 * a link: it names the people "Yes" acts on (the first 20, then how many more) and
	 * leaves out what is not a pending invitation in scope.
	 */
	@Test
	void confirmsByNameOnlyThePendingInvitationsInScope() throws Exception {
		List<String> selected = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			selected.add(selected(invite(String.format("named.%02d", i))));
		}
		long ended = invite("ended");
		this.admin.follow(this.admin.post("/users/invitations/" + ended + "/removal", "version",
				String.valueOf(this.records.version(ended)), "role",
				String.valueOf(this.records.roleIds(ended).get(0))));
		Clinic other = this.organisation.clinic();
		long elsewhere = this.invitations.pendingFor(other.email("elsewhere"), other.adminEmail(), other.waitingArea(),
				Role.SERVICE_PROVIDER);
		selected.add(selected(ended));
		selected.add(selected(elsewhere));

		Document confirm = this.clinicAdmin.open("/pending-invitations/confirm?action=cancel&selected="
				+ String.join("&selected=", selected).replace(":", "%3A"));

		assertThat(confirm.text()).contains("Cancel the invitations of 23 people?")
			.contains("2 of the people chosen are no longer pending or not in your areas, and left out.")
			.doesNotContain(other.email("elsewhere"))
			.doesNotContain(this.clinic.email("ended"));
		List<String> named = confirm.select("main ul li").eachText();
		assertThat(named).hasSize(21).startsWith(this.clinic.email("named.00")).endsWith("and 3 more");
		assertThat(confirm.select("main form[method=post] input[name=selected]").eachAttr("value"))
			.containsExactlyInAnyOrderElementsOf(selected.subList(0, 23));
	}

	@Test
	void confirmsNothingWhenNothingIsSelectedAndSelectAllTakesTheRowsShown() throws Exception {
		invite("all.a");
		invite("all.b");
		MvcResult none = this.admin.request("/pending-invitations/confirm?action=remind");
		assertThat(none.getResponse().getRedirectedUrl()).isEqualTo("/pending-invitations");
		assertThat(errorBanner(this.admin.follow(none))).isEqualTo("Select at least one person first.");

		Document page = this.admin.open(list());
		Document confirm = this.admin.submit(page.selectFirst("form[action='/pending-invitations/confirm']"), "all",
				"true", "action", "cancel");
		assertThat(confirm.text()).contains("Cancel the invitations of 2 people?");
		assertThat(confirm.select("main form[method=post] input[name=q]").val()).isEqualTo(this.clinic.tag());
		assertThat(confirm.select("main form[method=post] a").attr("href")).isEqualTo(list());
	}

	@Test
	void exportsTheFilteredListInScopeWithFormulasNeutralised() throws Exception {
		long evil = this.organisation.person("@Evil " + this.clinic.tag(), this.clinic.email("evil"));
		this.organisation.grant(evil, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		long formula = this.organisation.invitee("=1+2-" + this.clinic.email("formula"));
		this.organisation.invite(formula, evil, Instant.parse("2026-01-02T03:04:05Z"))
			.offering(Role.SERVICE_PROVIDER, this.clinic.waitingArea())
			.offering(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom());
		String quoted = this.clinic.email("quoted");
		this.jdbc.sql("update account set full_name = ? where id = ?")
			.params("Quote \"Q\", Comma", this.organisation.invitee(quoted))
			.update();
		this.organisation.invite(this.organisation.accountId(quoted), evil, Instant.parse("2026-01-03T00:00:00Z"))
			.offering(Role.RECEPTIONIST, this.clinic.waitingArea());

		MvcResult csv = this.clinicAdmin.request("/pending-invitations/export?q=" + this.clinic.tag());
		assertThat(csv.getResponse().getStatus()).isEqualTo(200);
		assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"pending-invitations-" + LocalDate.now(ZoneId.of("Australia/Sydney"))
					+ ".csv\"");
		List<String> lines = csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).containsExactly(
				"\"Name\",\"Email\",\"Roles\",\"Invited\",\"Invited by\",\"Last reminder\",\"Link expires\",\"Email\"",
				"\"Quote \"\"Q\"\", Comma\",\"" + quoted + "\",\"Receptionist (" + this.clinic.waitingAreaName()
						+ ")\",\"2026-01-03T00:00:00Z\",\"'@Evil " + this.clinic.tag()
						+ "\",\"\",\"2026-01-17T00:00:00Z\",\"\"",
				"\"'=1+2-" + this.clinic.email("formula") + "\",\"'=1+2-" + this.clinic.email("formula")
						+ "\",\"Service Provider (" + this.clinic.waitingAreaName()
						+ ")\",\"2026-01-02T03:04:05Z\",\"'@Evil " + this.clinic.tag()
						+ "\",\"\",\"2026-01-16T03:04:05Z\",\"\"");
		// The Organisation Administrator sees the meeting room's role too.
		assertThat(this.admin.request("/pending-invitations/export?q=formula-" + this.clinic.tag())
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("Meeting Room Member (" + this.clinic.meetingRoomName() + ")");
	}

	@Test
	void showsTheCountsOnTheHomePageOfEveryKindOfAdministrator() throws Exception {
		invite("home.a");
		Document home = this.clinicAdmin.open("/");
		assertThat(home.select("ul.home-attention a")).extracting((a) -> a.attr("href"))
			.containsExactly("/pending-invitations", "/pending-invitations?filter=expiring",
					"/pending-invitations?filter=expired", "/pending-invitations?filter=email-failed",
					"/pending-invitations?filter=closing");
		assertThat(home.select("ul.home-attention a").first().text()).isEqualTo("1 pending invitation");
		for (String administrator : List.of(this.clinic.adminEmail(), SignIn.ADMIN, SignIn.ORG_ADMIN,
				SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN)) {
			assertThat(this.pages.as(administrator).open("/").select("ul.home-attention a")).hasSize(5);
		}
	}

	private long invite(String who) {
		return this.invitations.pendingFor(this.clinic.email(who), this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
	}

	private String selected(long invitation) {
		return invitation + ":" + this.records.version(invitation);
	}

	private String list() {
		return "/pending-invitations?q=" + this.clinic.tag();
	}

	private static Element row(Document page, String email) {
		return page.select("table tbody tr")
			.stream()
			.filter((row) -> row.text().contains(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError(email + " not listed in " + page.text()));
	}

}
