package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.people.Users.Statement;
import com.videocall.admin.support.SyntheticOrganisationDatabase;
import com.videocall.admin.web.Paging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Users list's statements keep the plans that make them cheap at organisation size
 * (docs/requirements.md §5; bench/http-benchmark measures them): PostgreSQL's own EXPLAIN
 * of the exact statements {@link Users} runs, on a database with the synthetic
 * organisation (100,000 accounts) planted and vacuumed
 * ({@link SyntheticOrganisationDatabase}). No planner setting is changed: with this many
 * rows the planner picks these plans by a wide margin, so they hold run after run, and a
 * lost index, a condition an index cannot serve or a statement shaped so that it reads
 * the whole table shows here as a changed plan.
 */
@TestInstance(Lifecycle.PER_CLASS)
class UsersListPlanIntegrationTests {

	private JdbcClient jdbc;

	private AdministratorScope everything;

	private AdministratorScope unitAdministrator;

	@BeforeAll
	void plantTheSyntheticOrganisation() {
		this.jdbc = SyntheticOrganisationDatabase.jdbc();
		this.everything = new AdministratorScope(1, true, Set.of());
		this.unitAdministrator = SyntheticOrganisationDatabase.clinicAdministrator();
	}

	@Test
	void readsTheFirstPageOfEveryoneFromTheIndexInListOrder() {
		assertThat(plan(Users.pageStatement(this.everything, "", StatusFilter.ALL, ListPosition.page(Paging.page(1)))))
			.contains("Index Only Scan using account_listed_by_name on account")
			.doesNotContain("Seq Scan on account");
	}

	@Test
	void skipsToPageOneThousandThroughTheIndexAlone() {
		assertThat(
				plan(Users.pageStatement(this.everything, "", StatusFilter.ALL, ListPosition.page(Paging.page(1000)))))
			.contains("Index Only Scan using account_listed_by_name on account")
			.doesNotContain("Seq Scan on account")
			.doesNotContain("Sort Key: a.sort_key");
	}

	@Test
	void readsAStatusFromItsOwnPartOfTheIndexForThePageAndTheCount() {
		assertThat(
				plan(Users.pageStatement(this.everything, "", StatusFilter.INVITED, ListPosition.page(Paging.page(1)))))
			.contains("Index Only Scan using account_listed_by_status on account")
			.doesNotContain("Seq Scan on account");
		assertThat(plan(Users.countStatement(this.everything, "", StatusFilter.INVITED)))
			.contains("Index Only Scan using account_listed_by_status on account")
			.doesNotContain("Seq Scan on account");
	}

	/**
	 * A search that matches no one must not read the whole list in order looking for a
	 * match. The term matches no account on purpose: ANALYZE samples rows at random, and
	 * a term matching a few accounts (such as "invitee1999", 11 of 100,000) lands in the
	 * sampled histogram about once in a hundred plantings, which makes the planner expect
	 * a thousand matches and prefer the ordered scan (77 ms instead of 6 ms); a term that
	 * matches no row can never be sampled, so its plan does not depend on the sample.
	 */
	@Test
	void findsASearchThatMatchesNoOneThroughItsTrigrams() {
		assertThat(plan(Users.pageStatement(this.everything, "nobody by this name", StatusFilter.ALL,
				ListPosition.page(Paging.page(1)))))
			.contains("Bitmap Index Scan on account_listed_search")
			.doesNotContain("Seq Scan on account");
	}

	@Test
	void startsAnAreaAdministratorsListFromTheRolesOfTheirAreas() {
		String page = plan(
				Users.pageStatement(this.unitAdministrator, "", StatusFilter.ALL, ListPosition.page(Paging.page(1))));
		String count = plan(Users.countStatement(this.unitAdministrator, "", StatusFilter.ALL));
		for (String plan : List.of(page, count)) {
			assertThat(plan).contains("Index Only Scan using role_grant_area on role_grant")
				.contains("Index Only Scan using invited_role_area on invited_role")
				.doesNotContain("Seq Scan on account")
				.doesNotContain("Seq Scan on invitation");
		}
	}

	private String plan(Statement statement) {
		return String.join("\n",
				this.jdbc.sql("explain (costs off) " + statement.sql())
					.params(statement.parameters())
					.query(String.class)
					.list());
	}

}
