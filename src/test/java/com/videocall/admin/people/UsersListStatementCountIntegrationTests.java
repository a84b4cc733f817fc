package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.PendingInvitation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Users list costs at most {@value #MAX_STATEMENTS} SQL statements per request
 * whatever the page, the administrator, the number of people and the roles each holds: no
 * statement per row. Page sizes are fixed ({@code Paging.PAGE_SIZE}), so full pages and a
 * page that is not full are compared instead, for people with all eight roles.
 * <p>
 * The people live in a unit tree of this test's own with {@code @test.invalid} emails
 * (see {@link TestOrganisation}): only its own administrator and the System Administrator
 * see them, and the demo visibility tests search those away.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class UsersListStatementCountIntegrationTests {

	private static final int MAX_STATEMENTS = 4;

	private static final int PEOPLE_WITH_EACH_STATUS = 15;

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	StatementCounter statements;

	@Autowired
	TestOrganisation organisation;

	String administrator;

	@BeforeAll
	void plantManyPeopleWithEveryRole() {
		String tag = TestOrganisation.tag();
		long unit = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Statement Count Health " + tag, null);
		long waitingArea = this.organisation.area(AreaKind.WAITING_AREA, "Statement Count Clinic " + tag, unit);
		long meetingRoom = this.organisation.area(AreaKind.MEETING_ROOM, "Statement Count Room " + tag, unit);
		this.administrator = TestOrganisation.email("statement.count.administrator");
		long administratorId = this.organisation.person("Statement Count Administrator", this.administrator);
		this.organisation.grant(administratorId, Role.ORGANISATION_ADMINISTRATOR, unit);
		for (int i = 0; i < PEOPLE_WITH_EACH_STATUS; i++) {
			long person = this.organisation.person("Busy Person " + i, TestOrganisation.email("busy.person." + i));
			PendingInvitation invitation = this.organisation.invite(
					this.organisation.invitee(TestOrganisation.email("busy.invitee." + i)), administratorId,
					Instant.now().minus(i, ChronoUnit.HOURS));
			for (Role role : Role.values()) {
				long area = switch (role.areaKind()) {
					case ORGANISATIONAL_UNIT -> unit;
					case WAITING_AREA -> waitingArea;
					case MEETING_ROOM -> meetingRoom;
				};
				this.organisation.grant(person, role, area);
				invitation.offering(role, area);
			}
		}
	}

	@Test
	void listsUsersInAFewStatementsWhateverThePageOrRolesPerPerson() throws Exception {
		String administrator = this.administrator;
		int firstPage = statementsFor(administrator, get("/users"), 20);
		int lastPage = statementsFor(administrator, get("/users").param("page", "2"), 11);
		int invited = statementsFor(administrator, get("/users").param("status", "invited"), 15);
		int searched = statementsFor(administrator, get("/users").param("q", "busy person 1"), 6);
		assertThat(firstPage).isPositive().isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(lastPage).isEqualTo(firstPage);
		assertThat(invited).isEqualTo(firstPage);
		assertThat(searched).isEqualTo(firstPage);
	}

	@Test
	void listsUsersInAFewStatementsForEveryKindOfAdministrator() throws Exception {
		int systemAdministrator = statementsFor(SignIn.ADMIN, get("/users"), 20);
		int systemAdministratorLastPage = statementsFor(SignIn.ADMIN,
				get("/users").param("q", TestOrganisation.EMAIL_DOMAIN).param("page", "2"), -1);
		int organisationAdministrator = statementsFor(SignIn.ORG_ADMIN, get("/users"), 14);
		int serviceAdministrator = statementsFor(SignIn.CLINIC_ADMIN, get("/users"), 5);
		int meetingRoomAdministrator = statementsFor(SignIn.ROOM_ADMIN, get("/users"), 3);
		assertThat(systemAdministrator).isPositive().isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(systemAdministratorLastPage).isEqualTo(systemAdministrator);
		assertThat(organisationAdministrator).isEqualTo(systemAdministrator);
		assertThat(serviceAdministrator).isEqualTo(systemAdministrator);
		assertThat(meetingRoomAdministrator).isEqualTo(systemAdministrator);
	}

	/**
	 * Counts the statements of one request, after checking that the page shows
	 * {@code rows} people ({@code -1}: some), so that an empty list cannot pass.
	 */
	private int statementsFor(String account, MockHttpServletRequestBuilder request, int rows) throws Exception {
		// Signing in loads the account before the request: not counted.
		MockHttpServletRequestBuilder signedIn = request.with(this.signIn.as(account));
		String[] html = new String[1];
		int count = this.statements.count(() -> html[0] = this.mvc.perform(signedIn)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Document page = Jsoup.parse(html[0]);
		if (rows < 0) {
			assertThat(page.select("table tbody tr")).isNotEmpty();
		}
		else {
			assertThat(page.select("table tbody tr")).hasSize(rows);
		}
		return count;
	}

}
