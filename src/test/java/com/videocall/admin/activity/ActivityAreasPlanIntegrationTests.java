package com.videocall.admin.activity;

import java.util.Optional;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Activity page's areas of a limited scope (the "Area" filter's list, an area asked
 * for by id or by name) are read by their keys, not by a scan of every area: on the
 * synthetic organisation's 3,314 areas, for a clinic's Organisation Administrator, with
 * the plans PostgreSQL keeps for any scope (generic plans, counted by
 * {@code pg_stat_xact_user_tables} in a transaction rolled back).
 */
class ActivityAreasPlanIntegrationTests {

	@Test
	void readsTheAreasOfALimitedScopeByTheirKeys() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		AdministratorScope clinic = SyntheticOrganisationDatabase.clinicAdministrator();
		ActivityAreas areas = new ActivityAreas(jdbc);
		long waitingArea = clinic.areaIds().stream().min(Long::compare).orElseThrow();
		jdbc.sql("begin").update();
		try {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			long before = areaScans(jdbc);
			assertThat(areas.listed(clinic)).get().satisfies((listed) -> assertThat(listed).hasSize(10));
			Optional<String> name = areas.name(clinic, waitingArea);
			assertThat(name).isPresent();
			assertThat(areas.named(clinic, name.get())).contains(waitingArea);
			assertThat(areaScans(jdbc) - before).as("sequential scans of area").isZero();
		}
		finally {
			jdbc.sql("rollback").update();
		}
	}

	private static long areaScans(JdbcClient jdbc) {
		return jdbc.sql("select seq_scan from pg_stat_xact_user_tables where relid = 'area'::regclass")
			.query(Long.class)
			.single();
	}

}
