package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.support.Demo;
import com.videocall.admin.support.Demo.AreaRow;
import com.videocall.admin.support.Demo.Scope;
import com.videocall.admin.support.Demo.UserRow;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each demo account sees exactly the areas and people of its scope, as {@link Demo}
 * writes the demo organisation out by hand. Other tests add data of their own (see
 * {@link TestOrganisation}); the System Administrator sees that too, so its Users list is
 * searched for {@code @example.org} and its area lists are compared with the database.
 */
@IntegrationTest
class DemoVisibilityIntegrationTests {

	/** Every form a relative time may take; which one depends on when the tests run. */
	private static final String WHEN = "just now|1 minute ago|\\d+ minutes ago|1 hour ago|\\d+ hours ago|yesterday"
			+ "|\\d+ days ago|\\d{1,2} [A-Z][a-z]{2} \\d{4}";

	private static final Pattern INVITED = Pattern.compile("Invited (" + WHEN + ")");

	private static final Pattern INVITED_AS = Pattern.compile("Invited (" + WHEN + ") as (.+)");

	private static final Pattern INVITED_ON_A_DATE = Pattern.compile("Invited \\d{1,2} [A-Z][a-z]{2} \\d{4}");

	private static final String DEMO_DOMAIN = "@example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void clinicAdministratorSeesExactlyThePeopleOfTheirWaitingArea() throws Exception {
		assertThat(emailsOn("/users?status=all", SignIn.CLINIC_ADMIN)).containsExactlyInAnyOrder(
				"clinic.admin@example.org", "amelia.hart@example.org", "grace.kim@example.org",
				"new.physio@example.org", "jordan.receptionist@example.org");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { SignIn.ADMIN, SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN })
	void listsExactlyTheAreasInScope(String account) throws Exception {
		Scope scope = Demo.SCOPES.get(account);
		assertThat(areaList(account, "/organisational-units"))
			.containsExactlyInAnyOrderElementsOf(expectedAreas(account, AreaKind.ORGANISATIONAL_UNIT, scope.units()));
		assertThat(areaList(account, "/waiting-areas"))
			.containsExactlyInAnyOrderElementsOf(expectedAreas(account, AreaKind.WAITING_AREA, scope.waitingAreas()));
		assertThat(areaList(account, "/meeting-rooms"))
			.containsExactlyInAnyOrderElementsOf(expectedAreas(account, AreaKind.MEETING_ROOM, scope.meetingRooms()));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { SignIn.ADMIN, SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN })
	void listsExactlyThePeopleInScope(String account) throws Exception {
		// Only the System Administrator sees the tests' own people: search them away.
		String search = account.equals(SignIn.ADMIN) ? DEMO_DOMAIN : "";
		List<UserRow> expected = Demo.SCOPES.get(account).people().stream().map(Demo::person).toList();
		assertThat(usersList(account, get("/users").param("q", search))).containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { SignIn.ADMIN, SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN })
	void listsExactlyThePeopleOfEachAreaInScope(String account) throws Exception {
		for (String area : Demo.SCOPES.get(account).areas()) {
			assertThat(areaPeople(account, area)).as("people of %s seen by %s", area, account)
				.containsExactlyInAnyOrderElementsOf(Demo.AREA_PEOPLE.get(area));
		}
	}

	@Test
	void pagesTheUsersListTwentyAtATime() throws Exception {
		Document first = page(SignIn.ADMIN, get("/users").param("q", DEMO_DOMAIN));
		Document second = page(SignIn.ADMIN, get("/users").param("q", DEMO_DOMAIN).param("page", "2"));
		assertThat(first.select("p.count").text()).isEqualTo("25 results");
		assertThat(first.select("nav.pagination span").text()).isEqualTo("Page 1 of 2");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.select("a[rel=next]")).isNotEmpty();
		assertThat(second.select("nav.pagination span").text()).isEqualTo("Page 2 of 2");
		assertThat(second.select("a[rel=prev]")).isNotEmpty();
		assertThat(second.select("a[rel=next]")).isEmpty();
		List<String> firstEmails = emails(first);
		List<String> secondEmails = emails(second);
		assertThat(firstEmails).hasSize(20);
		assertThat(secondEmails).hasSize(5).doesNotContainAnyElementsOf(firstEmails);
		List<String> all = new ArrayList<>(firstEmails);
		all.addAll(secondEmails);
		assertThat(all).containsExactlyInAnyOrderElementsOf(Demo.SCOPES.get(SignIn.ADMIN).people());
	}

	@Test
	void searchesUsersByNameOrEmailWithinScope() throws Exception {
		assertThat(emails(page(SignIn.ORG_ADMIN, get("/users").param("q", "Dr"))))
			.containsExactlyInAnyOrder("amelia.hart@example.org", "thomas.wright@example.org");
		assertThat(emails(page(SignIn.ADMIN, get("/users").param("q", "dr ")))).containsExactlyInAnyOrder(
				"amelia.hart@example.org", "thomas.wright@example.org", "liam.obrien@example.org");
		assertThat(emails(page(SignIn.ORG_ADMIN, get("/users").param("q", "PHYSIO"))))
			.containsExactly("new.physio@example.org");
		assertThat(emails(page(SignIn.ORG_ADMIN, get("/users").param("q", "north"))))
			.containsExactly("william.north@example.org");
		Document outOfScope = page(SignIn.CLINIC_ADMIN, get("/users").param("q", "north"));
		assertThat(emails(outOfScope)).isEmpty();
		assertThat(outOfScope.select("p.count").text()).isEqualTo("No results");
	}

	@Test
	void treatsWildcardsInSearchesLiterally() throws Exception {
		List<String> demoEmails = Demo.PEOPLE.stream().map(UserRow::email).toList();
		for (String wildcard : List.of("%", "_")) {
			Document found = page(SignIn.ADMIN, get("/users").param("q", wildcard));
			// None of the demo's people, whose names and emails hold neither character;
			// only people whose name holds the character itself, such as those the fuzz
			// tests set up with such names.
			assertThat(emails(found)).as(wildcard).doesNotContainAnyElementsOf(demoEmails);
			assertThat(found.select("table tbody tr").eachText()).as(wildcard)
				.allSatisfy((row) -> assertThat(row).contains(wildcard));
		}
		assertThat(areaNames(page(SignIn.ADMIN, get("/waiting-areas").param("q", "%")))).isEmpty();
	}

	@Test
	void filtersUsersByStatusWithinScope() throws Exception {
		List<UserRow> inScope = Demo.SCOPES.get(SignIn.ORG_ADMIN).people().stream().map(Demo::person).toList();
		assertThat(usersList(SignIn.ORG_ADMIN, get("/users").param("status", "invited")))
			.containsExactlyInAnyOrderElementsOf(inScope.stream().filter(UserRow::pending).toList())
			.hasSize(7);
		assertThat(usersList(SignIn.ORG_ADMIN, get("/users").param("status", "active")))
			.containsExactlyInAnyOrderElementsOf(
					inScope.stream().filter((row) -> row.status().equals("Active")).toList())
			.hasSize(6);
		assertThat(usersList(SignIn.ORG_ADMIN, get("/users").param("status", "all")))
			.containsExactlyInAnyOrderElementsOf(inScope);
		assertThat(emails(page(SignIn.ORG_ADMIN, get("/users").param("status", "invited").param("q", "hornsby"))))
			.containsExactly("ethan.hornsby@example.org");
		assertThat(page(SignIn.ORG_ADMIN, get("/users").param("status", "invited"))
			.select("select[name=status] option[selected]")
			.eachAttr("value")).containsExactly("invited");
	}

	@Test
	void marksPendingUsersInItalicWithWhenTheyWereInvited() throws Exception {
		Document page = page(SignIn.ADMIN, get("/users").param("q", DEMO_DOMAIN).param("status", "invited"));
		List<Element> rows = page.select("table tbody tr");
		assertThat(rows).hasSize(12);
		for (Element row : rows) {
			String email = row.child(1).text();
			Element invited = row.child(2).selectFirst("em");
			assertThat(invited).as(email).isNotNull();
			assertThat(invited.text()).as(email).matches(INVITED);
			if (Demo.INVITED_OVER_A_WEEK_AGO.contains(email)) {
				assertThat(invited.text()).as(email).matches(INVITED_ON_A_DATE);
			}
		}
		Document active = page(SignIn.ADMIN, get("/users").param("q", DEMO_DOMAIN).param("status", "active"));
		assertThat(active.select("table tbody tr")).hasSize(12);
		assertThat(active.select("table tbody tr em")).isEmpty();
	}

	@Test
	void filtersAnAreasPeopleByName() throws Exception {
		String physio = peoplePath(Demo.PHYSIO);
		assertThat(emails(page(SignIn.CLINIC_ADMIN, get(physio).param("name", "grace"))))
			.containsExactly("grace.kim@example.org");
		assertThat(emails(page(SignIn.CLINIC_ADMIN, get(physio).param("name", "DR"))))
			.containsExactly("amelia.hart@example.org");
		assertThat(emails(page(SignIn.CLINIC_ADMIN, get(physio).param("name", "new.physio"))))
			.containsExactly("new.physio@example.org");
		assertThat(emails(page(SignIn.ADMIN, get(peoplePath(Demo.MENTAL_HEALTH)).param("name", "o'brien"))))
			.containsExactly("liam.obrien@example.org");
		Document none = page(SignIn.CLINIC_ADMIN, get(physio).param("name", "priya"));
		assertThat(emails(none)).isEmpty();
		assertThat(none.select("p.count").text()).isEqualTo("No results");
	}

	@Test
	void searchesAreaListsByNameWithinScope() throws Exception {
		assertThat(areaNames(page(SignIn.ORG_ADMIN, get("/organisational-units").param("q", "clinics"))))
			.containsExactly(Demo.NORTHERN);
		assertThat(areaNames(page(SignIn.ORG_ADMIN, get("/waiting-areas").param("q", "NORTHERN"))))
			.containsExactlyInAnyOrder(Demo.PHYSIO, Demo.GENERAL_PRACTICE);
		assertThat(areaNames(page(SignIn.ADMIN, get("/meeting-rooms").param("q", "southern"))))
			.containsExactly(Demo.HUDDLE);
		assertThat(areaNames(page(SignIn.CLINIC_ADMIN, get("/waiting-areas").param("q", "general")))).isEmpty();
	}

	@Test
	void showsOnlyRolesInScopeOnAUsersPage() throws Exception {
		String jordan = "/users/" + this.organisation.accountId("jordan.receptionist@example.org");
		assertThat(roleRows(page(SignIn.ORG_ADMIN, get(jordan)))).containsExactly("Receptionist | " + Demo.PHYSIO);
		assertThat(roleRows(page(SignIn.ADMIN, get(jordan)))).containsExactlyInAnyOrder("Receptionist | " + Demo.PHYSIO,
				"Service Provider | " + Demo.MENTAL_HEALTH);
		String amelia = "/users/" + this.organisation.accountId("amelia.hart@example.org");
		assertThat(roleRows(page(SignIn.CLINIC_ADMIN, get(amelia))))
			.containsExactly("Service Provider | " + Demo.PHYSIO);
		assertThat(roleRows(page(SignIn.ORG_ADMIN, get(amelia)))).containsExactlyInAnyOrder(
				"Service Provider | " + Demo.PHYSIO, "Service Provider | " + Demo.GENERAL_PRACTICE,
				"Meeting Room Member | " + Demo.STAFF_MEETING);
	}

	private List<String> expectedAreas(String account, AreaKind kind, List<String> names) {
		List<String> demo = names.stream().map((name) -> name + " | " + Demo.PARENTS.get(name)).toList();
		if (!account.equals(SignIn.ADMIN)) {
			return demo;
		}
		// Everything, including other tests' areas: here the database is the oracle, and
		// the demo areas must be among them.
		List<String> everything = this.jdbc.sql("""
				select a.name || ' | ' || coalesce(p.name, 'None (top level)')
				from area a left join area p on p.id = a.parent_id where a.kind = ?
				""").param(kind.name()).query(String.class).list();
		assertThat(everything).containsAll(demo);
		return everything;
	}

	/**
	 * An area list as "name | parent" rows, every page of it, following its "Next" links.
	 */
	private List<String> areaList(String account, String path) throws Exception {
		Document page = page(account, get(path));
		String count = page.select("p.count").text();
		List<String> rows = new ArrayList<>();
		while (true) {
			page.select("table tbody tr").forEach((row) -> rows.add(areaName(row) + " | " + row.child(1).text()));
			Element next = page.selectFirst("a[rel=next]");
			if (next == null) {
				break;
			}
			page = page(account, get(URI.create(next.attr("href"))));
		}
		assertThat(count).isEqualTo(countText(rows.size()));
		return rows;
	}

	private List<String> areaNames(Document page) {
		return page.select("table tbody tr").stream().map(DemoVisibilityIntegrationTests::areaName).toList();
	}

	private static String areaName(Element row) {
		Element name = row.child(0).selectFirst("summary, a");
		return (name != null) ? name.text() : row.child(0).text();
	}

	/** Every page of a Users list, following its "Next" links. */
	private List<UserRow> usersList(String account, MockHttpServletRequestBuilder request) throws Exception {
		List<UserRow> rows = new ArrayList<>();
		Document page = page(account, request);
		String count = page.select("p.count").text();
		while (true) {
			for (Element row : page.select("table tbody tr")) {
				Element invited = row.child(2).selectFirst("em");
				rows.add(new UserRow(row.child(0).text(), row.child(1).text(), row.child(2).selectFirst("span").text(),
						invited != null));
			}
			Element next = page.selectFirst("a[rel=next]");
			if (next == null) {
				break;
			}
			page = page(account, get(URI.create(next.attr("href"))));
		}
		assertThat(count).isEqualTo(countText(rows.size()));
		return rows;
	}

	private List<AreaRow> areaPeople(String account, String area) throws Exception {
		Document page = page(account, get(peoplePath(area)));
		assertThat(page.select("a[rel=next]")).isEmpty();
		assertThat(page.select("p.muted").text()).isEqualTo(area);
		List<AreaRow> rows = new ArrayList<>();
		for (Element row : page.select("table tbody tr")) {
			Element roles = row.child(2);
			Element invited = roles.selectFirst("em");
			if (invited == null) {
				rows.add(new AreaRow(row.child(0).text(), row.child(1).text(), roles.text(), false));
				continue;
			}
			// A pending person's name opens the action menu (O3): the name is the menu's
			// summary.
			Element menu = row.child(0).selectFirst("summary");
			assertThat(menu).as("action menu of a pending person").isNotNull();
			Matcher matcher = INVITED_AS.matcher(invited.text());
			rows.add(new AreaRow(menu.text(), row.child(1).text(),
					matcher.matches() ? matcher.group(2) : invited.text(), true));
			assertThat(roles.ownText()).as("text outside the italic invitation").isBlank();
		}
		return rows;
	}

	private String peoplePath(String area) {
		long id = this.organisation.areaId(area);
		if (Demo.UNITS.contains(area)) {
			return "/organisational-units/" + id + "/administrators";
		}
		return (Demo.WAITING_AREAS.contains(area) ? "/waiting-areas/" : "/meeting-rooms/") + id + "/users";
	}

	/** The role rows of a user's page as "role | area". */
	private static List<String> roleRows(Document page) {
		return page.select("section table tbody tr")
			.stream()
			.map((row) -> row.child(0).text() + " | " + row.child(1).text())
			.toList();
	}

	private static String countText(int count) {
		return switch (count) {
			case 0 -> "No results";
			case 1 -> "1 result";
			default -> count + " results";
		};
	}

	private Document page(String account, MockHttpServletRequestBuilder request) throws Exception {
		String html = this.mvc.perform(request.with(this.signIn.as(account)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private static List<String> emails(Document page) {
		return page.select("table tbody tr td:nth-child(2)").eachText();
	}

	private List<String> emailsOn(String path, String account) throws Exception {
		return emails(page(account, get(path)));
	}

}
