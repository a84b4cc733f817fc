package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job (LC3) reads only the ended invitations that are due and not yet
 * scrubbed, on the partial index {@code invitation_retention_due}: PostgreSQL's EXPLAIN
 * of its batch statement on the synthetic organisation, half of whose 20,000 invitations
 * are ended here over the last two years (in a transaction rolled back, since the
 * database is shared), when none is due and when thousands are.
 */
class PersonalDataRetentionPlanIntegrationTests {

	@Test
	void readsABatchOfTheDueInvitationsOnItsPartialIndexAlone() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		jdbc.sql("begin").update();
		try {
			jdbc.sql("""
					update invitation set status = 'CANCELLED', ended_at = now() - (id % 730) * interval '1 day'
					where status = 'PENDING' and id % 2 = 0
					""").update();
			jdbc.sql("analyze invitation").update();
			Instant now = Instant.now();
			Instant cutoff = now.minus(Duration.ofDays(365));
			assertThat(jdbc.sql("select count(*) from invitation where ended_at <= ?")
				.param(Timestamp.from(cutoff))
				.query(Long.class)
				.single()).isGreaterThan(4_000);
			for (Instant at : List.of(now.minus(Duration.ofDays(800)), cutoff)) {
				String plan = String.join("\n",
						jdbc.sql("explain (costs off) " + PersonalDataRetention.DUE)
							.params(Timestamp.from(at), PersonalDataRetention.BATCH)
							.query(String.class)
							.list());
				assertThat(plan).as(plan)
					.contains("Index Scan using invitation_retention_due on invitation")
					.doesNotContain("Seq Scan")
					.doesNotContain("Sort");
			}
		}
		finally {
			jdbc.sql("rollback").update();
		}
	}

}
