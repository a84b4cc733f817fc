package com.videocall.admin.directory;

import java.util.List;
import java.util.Set;

import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's scope, read on every request of theirs, walks the area tree by keys
 * only, however many areas the organisation has: on the synthetic organisation's 3,314
 * areas, the walk of a clinic's Organisation Administrator (the clinic and its nine
 * areas) and of a waiting area's Service Administrator finds their areas without one
 * sequential scan of {@code area}; so do the counts of their home page and the list of
 * their waiting areas, with the plans PostgreSQL keeps for any scope (generic plans,
 * counted by {@code pg_stat_xact_user_tables} in a transaction rolled back).
 */
class ScopePlanIntegrationTests {

	@Test
	void walksCountsAndListsTheAreasOfALimitedScopeByKeysOnly() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		long clinicAdministrator = jdbc.sql("""
				select g.account_id from role_grant g join area a on a.id = g.area_id
				where a.name = 'Bulk Health 1 Clinic 1' and g.role = 'ORGANISATION_ADMINISTRATOR'
				order by g.account_id limit 1
				""").query(Long.class).single();
		long serviceAdministrator = jdbc
			.sql("select account_id from role_grant where role = 'SERVICE_ADMINISTRATOR' order by account_id limit 1")
			.query(Long.class)
			.single();
		assertThat(SyntheticOrganisationDatabase.sequentialScansWhile("area",
				() -> assertThat(administered(jdbc, clinicAdministrator)).hasSize(10)))
			.as("sequential scans of area while walking a clinic")
			.isZero();
		assertThat(SyntheticOrganisationDatabase.sequentialScansWhile("area",
				() -> assertThat(administered(jdbc, serviceAdministrator)).hasSize(1)))
			.as("sequential scans of area while walking a waiting area")
			.isZero();
		AdministratorScope clinic = new AdministratorScope(clinicAdministrator, false,
				Set.copyOf(administered(jdbc, clinicAdministrator)));
		// The security log is written only for an area asked for outside the scope.
		Areas areas = new Areas(jdbc, null);
		assertThat(SyntheticOrganisationDatabase.sequentialScansWhile("area", () -> {
			assertThat(areas.countByKind(clinic).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
			assertThat(areas.list(clinic, AreaKind.WAITING_AREA, "", PageRequest.of(0, 25)).getContent()).isNotEmpty();
		})).as("sequential scans of area while counting and listing a clinic's areas").isZero();
	}

	private static List<Long> administered(JdbcClient jdbc, long account) {
		return jdbc.sql("select administered_areas(?)").param(account).query(Long.class).list();
	}

}
