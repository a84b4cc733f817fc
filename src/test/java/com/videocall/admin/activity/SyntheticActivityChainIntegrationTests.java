package com.videocall.admin.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's million entries (bulk/synthetic-activity.sql, AC7) form a chain that
 * the Java definition of the hash ({@link ActivityChain}) finds valid, so that the SQL
 * that computes them cannot drift from it: 1,000 entries planted in two runs on the
 * synthetic organisation (the second continues the chain of the first, as the benchmark
 * continues the demo's), every hash checked in chain order from the start.
 */
class SyntheticActivityChainIntegrationTests {

	@Test
	void plantsEntriesWhoseHashesFollowTheJavaDefinitionOfTheChain() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		SyntheticOrganisationDatabase.plantActivity(600);
		SyntheticOrganisationDatabase.plantActivity(400);

		AtomicReference<byte[]> previous = new AtomicReference<>(ActivityChain.START);
		List<Long> checked = new ArrayList<>();
		List<Long> broken = new ArrayList<>();
		StoredEntries.after(jdbc, Long.MIN_VALUE, (entry) -> {
			if (!Arrays.equals(entry.expectedHash(previous.get()), entry.hash())) {
				broken.add(entry.id());
			}
			checked.add(entry.id());
			previous.set(entry.hash());
		});
		assertThat(checked).hasSize(1_000);
		assertThat(broken).as("entries whose hash does not follow").isEmpty();
		// The next entry the application writes comes after them.
		assertThat(jdbc.sql("select last_value from activity_entry_id").query(Long.class).single())
			.isEqualTo(checked.get(checked.size() - 1));
		// A mix like the trail's: the administrators', the invitees', the system's, some
		// with roles in two areas, and a few about signing in, without areas.
		assertThat(jdbc.sql("select count(distinct kind) from activity_entry").query(Long.class).single())
			.isGreaterThanOrEqualTo(12);
		assertThat(jdbc.sql("""
				select count(*) from activity_entry e where e.actor_id is null
				""").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("""
				select count(*) from (select entry_id from activity_entry_area where roles <> '{}'
				                      group by entry_id having count(*) = 2) two
				""").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("""
				select count(*) from activity_entry e
				where e.kind in ('SIGNED_IN', 'SIGN_IN_REFUSED', 'SECOND_FACTOR_ADDED', 'SECOND_FACTOR_REMOVED')
				  and exists (select 1 from activity_entry_area x where x.entry_id = e.id)
				""").query(Long.class).single()).isZero();
	}

}
