package com.videocall.admin.worklist;

import java.time.Instant;
import java.util.Set;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.support.SyntheticOrganisationDatabase;
import com.videocall.admin.web.Paging;
import com.videocall.admin.worklist.PendingInvitations.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pending Invitations list's statements keep the plans that make them cheap at 20,000
 * pending invitations (decision 0012; PendingInvitationsBenchmark and
 * bench/http-benchmark measure them): PostgreSQL's EXPLAIN of the exact statements
 * {@link PendingInvitations} runs, on the synthetic organisation
 * ({@link SyntheticOrganisationDatabase}). A System Administrator's page reads the stored
 * keys' index in list order and joins the invitation and the invitee for the rows shown
 * only; a clinic administrator's starts from the roles of their areas.
 */
@TestInstance(Lifecycle.PER_CLASS)
class PendingInvitationsPlanIntegrationTests {

	private JdbcClient jdbc;

	private final AdministratorScope everything = new AdministratorScope(1, true, Set.of());

	private AdministratorScope clinic;

	private final Instant now = Instant.now();

	@BeforeAll
	void plantTheSyntheticOrganisation() {
		this.jdbc = SyntheticOrganisationDatabase.jdbc();
		this.clinic = SyntheticOrganisationDatabase.clinicAdministrator();
	}

	@Test
	void readsEachOrderFromItsIndexForTheFirstPage() {
		assertThat(page(query("", PendingFilter.ALL, PendingSort.INVITED)))
			.contains("Scan Backward using pending_invitation_invited on pending_invitation");
		assertThat(page(query("", PendingFilter.ALL, PendingSort.INVITED_OLDEST)))
			.contains("using pending_invitation_invited on pending_invitation")
			.doesNotContain("Backward");
		assertThat(page(query("", PendingFilter.EXPIRING, PendingSort.EXPIRY)))
			.contains("using pending_invitation_expiry on pending_invitation");
		for (PendingSort sort : PendingSort.values()) {
			assertThat(page(query("", PendingFilter.ALL, sort))).doesNotContain("Seq Scan")
				.doesNotContain("Sort Key: k.");
		}
	}

	@Test
	void skipsTheRowsBeforeADeepPageInTheIndexAlone() {
		for (PendingSort sort : PendingSort.values()) {
			assertThat(plan(PendingInvitations.pageStatement(this.everything, query("", PendingFilter.ALL, sort),
					Paging.page(800), this.now)))
				.contains("Index Only Scan")
				.doesNotContain("Seq Scan")
				.doesNotContain("Sort Key: k.");
		}
	}

	@Test
	void findsFailedEmailsGoneInvitersAndARareSearchThroughTheirOwnIndexes() {
		assertThat(page(query("", PendingFilter.EMAIL_FAILED, PendingSort.INVITED)))
			.contains("using pending_invitation_failed on pending_invitation")
			.doesNotContain("Seq Scan");
		assertThat(page(query("", PendingFilter.INVITER_GONE, PendingSort.INVITED)))
			.contains("using pending_invitation_inviter_gone on pending_invitation")
			.doesNotContain("Seq Scan")
			.doesNotContain("administers");
		assertThat(page(query("walker", PendingFilter.ALL, PendingSort.INVITED)))
			.contains("Bitmap Index Scan on pending_invitation_search")
			.doesNotContain("Seq Scan");
	}

	@Test
	void findsThoseClosingWithinSevenDaysThroughTheirOwnIndex() {
		for (PendingSort sort : PendingSort.values()) {
			assertThat(page(query("", PendingFilter.CLOSING, sort)))
				.contains("using pending_invitation_closing on pending_invitation")
				.doesNotContain("Seq Scan");
		}
		assertThat(plan(PendingInvitations.countStatement(this.everything,
				query("", PendingFilter.CLOSING, PendingSort.INVITED), this.now)))
			.contains("using pending_invitation_closing on pending_invitation")
			.doesNotContain("Seq Scan");
	}

	@Test
	void countsForTheHomePageFromTheStoredKeysAlone() {
		assertThat(plan(PendingInvitations.countsStatement(this.everything, this.now)))
			.contains("on pending_invitation")
			.doesNotContain(" on invitation ")
			.doesNotContain("on account")
			.doesNotContain("outbound_email");
	}

	@Test
	void startsAClinicAdministratorsListFromTheRolesOfTheirAreas() {
		String page = page(this.clinic, query("", PendingFilter.ALL, PendingSort.INVITED));
		assertThat(page).contains("invited_role_area on invited_role")
			.doesNotContain("Seq Scan on invited_role")
			.doesNotContain("Seq Scan on pending_invitation")
			.doesNotContain("Seq Scan on account");
	}

	private static PendingQuery query(String search, PendingFilter filter, PendingSort sort) {
		return new PendingQuery(search, filter, null, sort);
	}

	private String page(PendingQuery query) {
		return page(this.everything, query);
	}

	private String page(AdministratorScope scope, PendingQuery query) {
		return plan(PendingInvitations.pageStatement(scope, query, Paging.page(1), this.now));
	}

	private String plan(Statement statement) {
		return String.join("\n",
				this.jdbc.sql("explain (costs off) " + statement.sql())
					.params(statement.parameters())
					.query(String.class)
					.list());
	}

}
