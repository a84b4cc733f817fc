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
			// Two emails for each invitation, then a batch's emails scrubbed: by topic,
			// on
			// its index, whatever the outbox holds besides.
			jdbc.sql("""
					insert into outbound_email (topic, message_id, recipient, subject, text_body, html_body, status,
					                            next_attempt_at, created_at, sent_at)
					select invitation_topic(i.id), '<plan-' || i.id || '-' || n || '@test.invalid>', 'x@test.invalid',
					       'Invitation', 'text', 'html', 'SENT', now(), now(), now()
					from invitation i, generate_series(1, 2) n
					""").update();
			jdbc.sql("analyze outbound_email").update();
			List<Long> batch = jdbc.sql(PersonalDataRetention.DUE)
				.params(Timestamp.from(cutoff), PersonalDataRetention.BATCH)
				.query((rs, row) -> rs.getLong("id"))
				.list();
			assertThat(batch).hasSize(PersonalDataRetention.BATCH);
			String[] texts = batch.stream().map((id) -> "x@test.invalid").toArray(String[]::new);
			String plan = String.join("\n",
					jdbc.sql("explain (analyze, costs off, timing off) " + PersonalDataRetention.SCRUB_EMAILS)
						.params("s", "t", "h", "e", batch.toArray(Long[]::new), texts, texts, texts)
						.query(String.class)
						.list());
			assertThat(plan).as(plan)
				.contains("Index Scan using outbound_email_topic on outbound_email")
				.doesNotContain("Seq Scan")
				.contains("rows=1000");
		}
		finally {
			jdbc.sql("rollback").update();
		}
	}

}
