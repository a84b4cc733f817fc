package com.videocall.admin.activity;

import java.util.Optional;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

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
		AdministratorScope clinic = SyntheticOrganisationDatabase.clinicAdministrator();
		ActivityAreas areas = new ActivityAreas(SyntheticOrganisationDatabase.jdbc());
		long waitingArea = clinic.areaIds().stream().min(Long::compare).orElseThrow();
		assertThat(SyntheticOrganisationDatabase.sequentialScansWhile("area", () -> {
			assertThat(areas.listed(clinic)).get().satisfies((listed) -> assertThat(listed).hasSize(10));
			Optional<String> name = areas.name(clinic, waitingArea);
			assertThat(name).isPresent();
			assertThat(areas.named(clinic, name.get())).contains(waitingArea);
		})).as("sequential scans of area").isZero();
	}

}
