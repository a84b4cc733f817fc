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
 * The expiry job (LC2) reads only the invitations that are due, on the partial index
 * {@code invitation_closing}, however many pending invitations there are: PostgreSQL's
 * EXPLAIN of its batch statement on the synthetic organisation's 20,000 (which close 60
 * to 90 days after they were planted), when none is due and when thousands are.
 */
class InvitationExpiryPlanIntegrationTests {

	@Test
	void readsABatchOfTheDueInvitationsOnItsPartialIndexAlone() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		Instant thousandsDue = Instant.now().plus(Duration.ofDays(75));
		assertThat(jdbc.sql("select count(*) from invitation where status = 'PENDING' and closes_at <= ?")
			.param(Timestamp.from(thousandsDue))
			.query(Long.class)
			.single()).isGreaterThan(5_000);
		for (Instant now : List.of(Instant.now(), thousandsDue)) {
			String plan = String.join("\n",
					jdbc.sql("explain (costs off) " + InvitationExpiry.DUE)
						.params(Timestamp.from(now), InvitationExpiry.BATCH)
						.query(String.class)
						.list());
			assertThat(plan).as(plan)
				.contains("Index Scan using invitation_closing on invitation")
				.doesNotContain("Seq Scan")
				.doesNotContain("Sort");
		}
	}

}
