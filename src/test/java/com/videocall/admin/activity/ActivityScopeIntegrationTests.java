package com.videocall.admin.activity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.videocall.admin.activity.TrailEntries.area;
import static com.videocall.admin.activity.TrailEntries.entry;
import static com.videocall.admin.activity.TrailEntries.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC1, AC2, AC3: each kind of administrator reads exactly the entries of their areas, on
 * the page, with every filter and in the CSV; an entry shows only the areas in the
 * reader's scope (and its page only when it names no other); entries about signing in
 * only to System Administrators. The clinic's entries are planted through the recorder,
 * with those of another clinic and one that concerns both.
 */
@IntegrationTest
class ActivityScopeIntegrationTests extends ActivityPagesTest {

	@Autowired
	AdministratorScopes scopes;

	private final Map<Long, Planted> planted = new LinkedHashMap<>();

	private String serviceAdmin;

	private String roomAdmin;

	private String invitee;

	private TestOrganisation.Clinic other;

	@BeforeEach
	void plantTheTrail() {
		this.serviceAdmin = this.clinic.email("service.admin");
		this.organisation.grant(this.organisation.person("Service Admin " + this.clinic.tag(), this.serviceAdmin),
				Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		this.roomAdmin = this.clinic.email("room.admin");
		this.organisation.grant(this.organisation.person("Room Admin " + this.clinic.tag(), this.roomAdmin),
				Role.MEETING_ROOM_ADMINISTRATOR, this.clinic.meetingRoom());
		this.invitee = this.clinic.email("invitee");
		long person = this.organisation.person("Invitee " + this.clinic.tag(), this.invitee);
		long otherPerson = this.organisation.person("Other " + this.clinic.tag(), this.clinic.email("other"));
		this.other = this.organisation.clinic();
		long clinicAdmin = this.clinic.admin();
		long system = this.organisation.accountId(SignIn.ADMIN);
		long wa = this.clinic.waitingArea();
		long mr = this.clinic.meetingRoom();
		String admin = "Admin " + this.clinic.tag();
		plant(admin,
				entry(ActivityKind.INVITED, on("2026-03-01"), clinicAdmin, person,
						"Add Users: " + this.clinic.meetingRoomName(), null, area(wa, "SERVICE_PROVIDER"),
						area(mr, "MEETING_ROOM_MEMBER")));
		plant(admin, entry(ActivityKind.REMINDER_SENT, on("2026-03-02"), clinicAdmin, person,
				"Manage Users: " + this.clinic.waitingAreaName(), null, area(wa)));
		plant("Automatic", entry(ActivityKind.AUTOMATIC_REMINDER_SENT, on("2026-03-03"), null, person, null, null,
				area(wa), area(mr)));
		plant("the invitee",
				new NewEntry(ActivityKind.ACCEPTED, on("2026-03-04"), person, person, this.organisation.missingId(),
						null, null, null, List.of(area(wa, "SERVICE_PROVIDER"), area(mr, "MEETING_ROOM_MEMBER"))));
		plant(admin, entry(ActivityKind.REMINDER_SETTINGS_CHANGED, on("2026-03-05"), clinicAdmin, null,
				"Invitation Reminders: " + this.clinic.unitName(), null, area(this.clinic.unit())));
		plant("Invitee " + this.clinic.tag(),
				entry(ActivityKind.SIGNED_IN, on("2026-03-06"), person, person, null, "password and passkey"));
		plant("Admin " + this.other.tag(),
				entry(ActivityKind.ROLES_GRANTED, on("2026-03-07"), this.other.admin(), otherPerson,
						"Add Users: " + this.other.waitingAreaName(), null,
						area(this.other.waitingArea(), "SERVICE_PROVIDER")));
		plant("Sam Carter",
				entry(ActivityKind.ROLES_REMOVED, on("2026-03-08"), system, otherPerson, "Pending Invitations", null,
						area(this.other.waitingArea(), "SERVICE_PROVIDER"), area(wa, "RECEPTIONIST")));
	}

	@Test
	void listsEachAdministratorExactlyTheEntriesOfTheirAreasWithEveryFilter() throws Exception {
		Map<String, Predicate<Planted>> filters = new LinkedHashMap<>();
		filters.put("", (entry) -> true);
		filters.put("what=REMINDER_SENT", (entry) -> entry.kind() == ActivityKind.REMINDER_SENT);
		filters.put("who=" + encode(this.clinic.adminEmail().toUpperCase()),
				(entry) -> Objects.equals(entry.actor(), this.clinic.admin()));
		filters.put("who=automatic", (entry) -> entry.actor() == null);
		filters.put("who=" + encode(this.invitee),
				(entry) -> Objects.equals(entry.actor(), this.organisation.accountId(this.invitee)));
		filters.put("person=" + encode(this.invitee),
				(entry) -> entry.person() != null && entry.person() == this.organisation.accountId(this.invitee));
		filters.put("area=" + this.clinic.waitingArea(), (entry) -> entry.areas().contains(this.clinic.waitingArea()));
		filters.put("area=" + this.clinic.meetingRoom(), (entry) -> entry.areas().contains(this.clinic.meetingRoom()));
		filters.put("from=2026-03-02&to=2026-03-04",
				(entry) -> !entry.at().isBefore(on("2026-03-02")) && entry.at().isBefore(on("2026-03-05")));
		filters.put("what=REMINDER_SENT&from=2026-03-03", (entry) -> false);
		int compared = 0;
		for (String reader : List.of(SignIn.ADMIN, this.clinic.adminEmail(), this.serviceAdmin, this.roomAdmin)) {
			AdministratorScope scope = this.scopes.forAccount(this.organisation.accountId(reader));
			Browser browser = this.pages.as(reader);
			for (Map.Entry<String, Predicate<Planted>> filter : filters.entrySet()) {
				Set<Long> expected = this.planted.values()
					.stream()
					.filter((entry) -> entry.visibleTo(scope))
					.filter(filter.getValue())
					.map(Planted::id)
					.collect(Collectors.toSet());
				String url = "/activity?" + filter.getKey();
				if (filter.getKey().startsWith("area=")
						&& !scope.covers(Long.parseLong(filter.getKey().substring(5)))) {
					assertThat(Browser.errorSummary(browser.open(url))).as(reader + " " + url)
						.containsExactly("Choose one of your areas from the list.");
					continue;
				}
				assertThat(plantedListed(browser.open(url))).as(reader + " " + url)
					.containsExactlyInAnyOrderElementsOf(expected);
				compared++;
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(36);
	}

	@Test
	void showsOnlyTheAreasInScopeAndThePageOnlyWhenItNamesNoOtherArea() throws Exception {
		Document service = this.pages.as(this.serviceAdmin).open("/activity");
		assertThat(service.text()).doesNotContain(this.clinic.meetingRoomName())
			.doesNotContain(this.other.waitingAreaName())
			.doesNotContain(this.clinic.unitName());
		Element invited = row(service, ActivityKind.INVITED);
		assertThat(cell(invited, "Who")).isEqualTo("Admin " + this.clinic.tag());
		assertThat(cell(invited, "What")).isEqualTo("Invited");
		assertThat(cell(invited, "When")).isEqualTo("1 Mar 2026, 10:00 am AEDT");
		assertThat(cell(invited, "Areas")).isEqualTo(this.clinic.waitingAreaName() + " (Service Provider)");
		assertThat(cell(invited, "Page")).isEmpty();
		assertThat(invited.select("td[data-label=Person] a").attr("href")).isEqualTo("/users?q=" + this.invitee);
		assertThat(invited.select("td[data-label=Areas] a").attr("href"))
			.isEqualTo("/activity?area=" + this.clinic.waitingArea());
		Element removed = row(service, ActivityKind.ROLES_REMOVED);
		assertThat(cell(removed, "Areas")).isEqualTo(this.clinic.waitingAreaName() + " (Receptionist)");
		assertThat(cell(removed, "Page")).isEmpty();

		Document org = this.admin.open("/activity");
		assertThat(cell(row(org, ActivityKind.INVITED), "Areas")).isEqualTo(this.clinic.meetingRoomName()
				+ " (Meeting Room Member) " + this.clinic.waitingAreaName() + " (Service Provider)");
		assertThat(cell(row(org, ActivityKind.INVITED), "Page"))
			.isEqualTo("Add Users: " + this.clinic.meetingRoomName());
		assertThat(cell(row(org, ActivityKind.REMINDER_SENT), "Page"))
			.isEqualTo("Manage Users: " + this.clinic.waitingAreaName());
		assertThat(cell(row(org, ActivityKind.AUTOMATIC_REMINDER_SENT), "Who")).isEqualTo("Automatic");
		assertThat(cell(row(org, ActivityKind.ACCEPTED), "Who")).isEqualTo("the invitee");
		assertThat(cell(row(org, ActivityKind.ACCEPTED), "What")).isEqualTo("Invitation accepted");
		assertThat(org.text()).doesNotContain(this.other.waitingAreaName()).doesNotContain("Signed in (");
		assertThat(org.select("nav.menu a[aria-current=page]").text()).isEqualTo("Activity");

		Document system = this.pages.as(SignIn.ADMIN).open("/activity?person=" + encode(this.invitee));
		assertThat(cell(row(system, ActivityKind.SIGNED_IN), "What")).isEqualTo("Signed in (password and passkey)");
		assertThat(cell(row(system, ActivityKind.SIGNED_IN), "Areas")).isEmpty();
		Document removedForSystem = this.pages.as(SignIn.ADMIN)
			.open("/activity?what=ROLES_REMOVED&area=" + this.clinic.waitingArea());
		assertThat(cell(row(removedForSystem, ActivityKind.ROLES_REMOVED), "Page")).isEqualTo("Pending Invitations");
	}

	@Test
	void offersTheKindsAboutSigningInToSystemAdministratorsOnly() throws Exception {
		Document org = this.admin.open("/activity");
		assertThat(org.select("#what option")).extracting(Element::text)
			.contains("Anything", "Invited", "Roles granted", "Invitation cancelled", "Exported")
			.doesNotContain("Signed in", "Sign-in refused", "Second factor added", "Second factor removed");
		assertThat(Browser.errorSummary(this.admin.open("/activity?what=SIGNED_IN")))
			.containsExactly("Choose what happened from the list.");
		assertThat(this.pages.as(SignIn.ADMIN).open("/activity").select("#what option")).extracting(Element::text)
			.contains("Signed in", "Sign-in refused", "Second factor added", "Second factor removed");
		// The clinic's areas to choose from, by name.
		assertThat(org.select("#area option")).extracting(Element::text)
			.containsExactly("Every area", this.clinic.meetingRoomName(), this.clinic.unitName(),
					this.clinic.waitingAreaName());
	}

	@Test
	void exportsExactlyTheEntriesOfTheReadersAreasAndRecordsTheExport() throws Exception {
		Set<String> plantedLines = this.planted.values().stream().map(Planted::line).collect(Collectors.toSet());
		for (String reader : List.of(SignIn.ADMIN, this.clinic.adminEmail(), this.serviceAdmin, this.roomAdmin)) {
			AdministratorScope scope = this.scopes.forAccount(this.organisation.accountId(reader));
			Map<String, Predicate<Planted>> filters = Map.of("", (entry) -> true, "person=" + encode(this.invitee),
					(entry) -> Objects.equals(entry.person(), this.organisation.accountId(this.invitee)),
					"who=automatic", (entry) -> entry.actor() == null);
			for (Map.Entry<String, Predicate<Planted>> filter : filters.entrySet()) {
				List<String> lines = ActivityExportIntegrationTests.csv(this.pages.as(reader),
						"/activity/export?" + filter.getKey());
				Set<String> expected = this.planted.values()
					.stream()
					.filter((entry) -> entry.visibleTo(scope))
					.filter(filter.getValue())
					.map(Planted::line)
					.collect(Collectors.toSet());
				String what = reader + " " + filter.getKey();
				assertThat(
						lines.stream().skip(1).map(ActivityScopeIntegrationTests::line).filter(plantedLines::contains))
					.as(what)
					.containsExactlyInAnyOrderElementsOf(expected);
				if (!scope.everything()) {
					// Nothing else: only the exports, this test's, recorded in the
					// clinic.
					assertThat(lines.stream().skip(1).filter((line) -> !plantedLines.contains(line(line)))).as(what)
						.allMatch((line) -> line.contains("\"Exported\",\"Activity\""));
				}
			}
		}
		// Each export is an entry of its own: the clinic's for its administrators, the
		// System Administrator's for System Administrators only.
		Document org = this.admin.open("/activity?what=EXPORTED");
		assertThat(org.select("tbody tr")).hasSize(9);
		assertThat(cell(org.selectFirst("tbody tr"), "What")).isEqualTo("Exported (Activity)");
		assertThat(cell(org.selectFirst("tbody tr"), "Page")).isEqualTo("Activity");
		assertThat(org.select("tbody td[data-label=Who]")).extracting(Element::text)
			.containsOnly("Admin " + this.clinic.tag(), "Service Admin " + this.clinic.tag(),
					"Room Admin " + this.clinic.tag());
		Document system = this.pages.as(SignIn.ADMIN).open("/activity?what=EXPORTED&who=" + encode(SignIn.ADMIN));
		assertThat(cell(system.selectFirst("tbody tr"), "Areas")).isEmpty();
	}

	private void plant(String who, NewEntry entry) {
		long id = this.trail.record(entry);
		String person = (entry.personId() == null) ? ""
				: this.jdbc.sql("select email from account where id = ?")
					.param(entry.personId())
					.query(String.class)
					.single();
		this.planted.put(id, new Planted(id, entry.kind(), entry.actorId(), entry.personId(), entry.at(),
				entry.areas().stream().map(AreaRoles::areaId).toList(), entry.at() + "|" + who + "|" + person));
	}

	/** A CSV line's time, who and person, as {@link Planted#line} has them. */
	private static String line(String csv) {
		String[] cells = csv.substring(1, csv.length() - 1).split("\",\"", -1);
		return cells[0] + "|" + cells[1] + "|" + cells[4];
	}

	/** The planted entries the page lists. */
	private Set<Long> plantedListed(Document page) {
		return page.select("tbody tr")
			.stream()
			.map((row) -> Long.parseLong(row.id().substring("entry-".length())))
			.filter(this.planted::containsKey)
			.collect(Collectors.toSet());
	}

	private Element row(Document page, ActivityKind kind) {
		long id = this.planted.values().stream().filter((entry) -> entry.kind() == kind).findFirst().orElseThrow().id();
		Element row = page.getElementById("entry-" + id);
		assertThat(row).as("row of " + kind).isNotNull();
		return row;
	}

	private static String cell(Element row, String label) {
		return row.select("td[data-label=" + label + "]").text();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A planted entry, and who may read it (AC2). */
	record Planted(long id, ActivityKind kind, Long actor, Long person, Instant at, List<Long> areas, String line) {

		boolean visibleTo(AdministratorScope scope) {
			return scope.everything() || this.areas.stream().anyMatch(scope::covers);
		}

	}

}
