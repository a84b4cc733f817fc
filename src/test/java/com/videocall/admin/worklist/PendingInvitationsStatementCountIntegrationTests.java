package com.videocall.admin.worklist;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import com.videocall.admin.support.TestOrganisation.PendingInvitation;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Pending Invitations list (P1, P2) costs the same few SQL statements per request
 * whatever the page, the filter and the roles each person is offered: no statement per
 * row.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class PendingInvitationsStatementCountIntegrationTests {

	private static final int MAX_STATEMENTS = 4;

	private static final int INVITEES = 25;

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	StatementCounter statements;

	@Autowired
	TestOrganisation organisation;

	String administrator;

	String tag;

	@BeforeAll
	void plantInviteesOfferedEveryRole() {
		this.tag = TestOrganisation.tag();
		long unit = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Pending Count Health " + this.tag, null);
		long waitingArea = this.organisation.area(AreaKind.WAITING_AREA, "Pending Count Clinic " + this.tag, unit);
		long meetingRoom = this.organisation.area(AreaKind.MEETING_ROOM, "Pending Count Room " + this.tag, unit);
		this.administrator = TestOrganisation.email("pending.count.administrator");
		long administratorId = this.organisation.person("Pending Count Administrator", this.administrator);
		this.organisation.grant(administratorId, Role.ORGANISATION_ADMINISTRATOR, unit);
		for (int i = 0; i < INVITEES; i++) {
			PendingInvitation invitation = this.organisation.invite(
					this.organisation.invitee(TestOrganisation.email("pending.count." + i)), administratorId,
					Instant.now().minus(i, ChronoUnit.DAYS));
			for (Role role : Role.values()) {
				invitation.offering(role, switch (role.areaKind()) {
					case ORGANISATIONAL_UNIT -> unit;
					case WAITING_AREA -> waitingArea;
					case MEETING_ROOM -> meetingRoom;
				});
			}
		}
	}

	@Test
	void listsPendingInvitationsInAFewStatementsWhateverThePageFilterOrRoles() throws Exception {
		int firstPage = statementsFor(get("/pending-invitations"), 20);
		int secondPage = statementsFor(get("/pending-invitations").param("page", "2"), 5);
		int expiring = statementsFor(get("/pending-invitations").param("filter", "expiring").param("sort", "expiry"),
				-1);
		int expired = statementsFor(get("/pending-invitations").param("filter", "expired"), 11);
		int failed = statementsFor(get("/pending-invitations").param("filter", "email-failed"), 0);
		int neverReminded = statementsFor(get("/pending-invitations").param("filter", "never-reminded"), 20);
		int inviterGone = statementsFor(get("/pending-invitations").param("filter", "inviter-gone"), 0);
		int searched = statementsFor(get("/pending-invitations").param("q", "pending.count.1"), 11);
		assertThat(firstPage).isPositive().isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(secondPage).isEqualTo(firstPage);
		assertThat(expiring).isEqualTo(firstPage);
		assertThat(expired).isEqualTo(firstPage);
		assertThat(failed).isEqualTo(firstPage);
		assertThat(neverReminded).isEqualTo(firstPage);
		assertThat(inviterGone).isEqualTo(firstPage);
		assertThat(searched).isEqualTo(firstPage);
	}

	/**
	 * Counts the statements of one request after checking that it shows {@code rows} rows
	 * ({@code -1}: some).
	 */
	private int statementsFor(MockHttpServletRequestBuilder request, int rows) throws Exception {
		MockHttpServletRequestBuilder signedIn = request.with(this.signIn.as(this.administrator));
		String[] html = new String[1];
		int count = this.statements.count(() -> html[0] = this.mvc.perform(signedIn)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		int shown = Jsoup.parse(html[0]).select("table tbody tr").size();
		if (rows < 0) {
			assertThat(shown).isPositive();
		}
		else {
			assertThat(shown).isEqualTo(rows);
		}
		return count;
	}

}
