package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * X5, X7 on a real server: whatever list state an action carries along (braces, which
 * look like URI template variables; a search far longer than the search box allows), the
 * change is saved and the answer is a redirect to a page that shows it, never an error
 * page after a committed change.
 */
@ServerIntegrationTest
class ListStateRedirectIntegrationTests {

	/** Longer than any response header may be once encoded. */
	private static final String HUGE = "n".repeat(10_000);

	private static Clinic clinic;

	private static HttpBrowser admin;

	@LocalServerPort
	int port;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@BeforeEach
	void signIn() {
		// One clinic and one sign-in for the class: sign-ins are throttled.
		if (clinic == null) {
			clinic = this.organisation.clinic();
			admin = new HttpBrowser(this.port).signIn(clinic.adminEmail(), TestOrganisation.PASSWORD);
		}
	}

	@Test
	void remindsFromTheDialogWithBracesInTheListStateAndShowsTheDialogAgain() {
		long invitation = invite("dialog.reminder");

		Page answer = admin.post("/users/invitations/" + invitation + "/reminder",
				form("version", version(invitation), "q", "{x} a+b&c", "status", "{y}", "page", "2"));

		assertThat(this.records.remindersSent(invitation)).isEqualTo(1);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo("/users/invitations/" + invitation + "?q=%7Bx%7D%20a%2Bb%26c&page=2");
		assertShowsBanner(answer, "Reminder sent to " + clinic.email("dialog.reminder") + ".");
	}

	@Test
	void cancelsFromTheDialogWithBracesInTheSearchAndReturnsToTheList() {
		long invitation = invite("dialog.removal");
		Map<String, String> form = form("version", version(invitation), "q", "{x}} {{y");
		form.put("role", String.valueOf(this.records.roleIds(invitation).get(0)));

		Page answer = admin.post("/users/invitations/" + invitation + "/removal", form);

		assertThat(this.records.status(invitation)).isEqualTo("CANCELLED");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo("/users?q=%7Bx%7D%7D%20%7B%7By");
		String email = clinic.email("dialog.removal");
		assertShowsBanner(answer, "Removed Service Provider from the invitation for " + email + ". The invitation for "
				+ email + " is cancelled: its link no longer works.");
	}

	@Test
	void returnsToTheDialogWhenNothingIsSelectedWithBracesInTheSearch() {
		long invitation = invite("nothing.selected");

		Page answer = admin.get("/users/invitations/" + invitation + "/removal?q=%7Bx%7D");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo("/users/invitations/" + invitation + "?q=%7Bx%7D");
		assertThat(admin.get(answer.target()).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{x}|%7Bx%7D", "}{|%7D%7B", "{0}|%7B0%7D", "Zoë {x}|Zo%C3%AB%20%7Bx%7D" })
	void remindsFromTheAreaMenuWithBracesInTheNameFilter(String name, String encoded) {
		String who = "area.reminder." + TestOrganisation.tag();
		long invitation = invite(who);

		Page answer = admin.post(clinic.waitingAreaPath() + "/invitations/" + invitation + "/reminder",
				form("version", version(invitation), "name", name));

		assertThat(this.records.remindersSent(invitation)).isEqualTo(1);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo(clinic.waitingAreaPath() + "/users?name=" + encoded);
		assertShowsBanner(answer, "Reminder sent to " + clinic.email(who) + ".");
	}

	@Test
	void cancelsFromTheAreaMenuWithAHugeNameFilterAndCarriesOnlyWhatTheSearchBoxHolds() {
		long invitation = invite("area.cancel");

		Page answer = admin.post(clinic.waitingAreaPath() + "/invitations/" + invitation + "/cancellation",
				form("version", version(invitation), "name", HUGE));

		assertThat(this.records.status(invitation)).isEqualTo("CANCELLED");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo(clinic.waitingAreaPath() + "/users?name=" + "n".repeat(200));
		String email = clinic.email("area.cancel");
		assertShowsBanner(answer, "Invitation cancelled for " + email + " in " + clinic.waitingAreaName()
				+ ". The invitation for " + email + " is cancelled: its link no longer works.");
	}

	@Test
	void remindsFromTheDialogWithAHugeSearch() {
		long invitation = invite("dialog.huge");

		Page answer = admin.post("/users/invitations/" + invitation + "/reminder",
				form("version", version(invitation), "q", HUGE));

		assertThat(this.records.remindersSent(invitation)).isEqualTo(1);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.target()).isEqualTo("/users/invitations/" + invitation + "?q=" + "n".repeat(200));
		assertShowsBanner(answer, "Reminder sent to " + clinic.email("dialog.huge") + ".");
	}

	private long invite(String who) {
		return this.invitations.pendingFor(clinic.email(who), clinic.adminEmail(), clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
	}

	private String version(long invitation) {
		return String.valueOf(this.records.version(invitation));
	}

	private static Map<String, String> form(String... namesAndValues) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", admin.csrfToken());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	/** The redirect leads to a page that renders and shows the change's banner. */
	private static void assertShowsBanner(Page redirect, String banner) {
		Page page = admin.get(redirect.target());
		assertThat(page.status()).as("page after the redirect").isEqualTo(200);
		assertThat(page.document().select(".banner").stream().map(Browser::sentences).toList())
			.isEqualTo(List.of(banner));
	}

}
