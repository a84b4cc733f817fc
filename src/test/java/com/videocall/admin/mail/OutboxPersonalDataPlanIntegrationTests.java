package com.videocall.admin.mail;

import java.util.List;

import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removing the personal data of a batch of 500 invitations (LC3) from their emails finds
 * them by topic on the index {@code outbound_email_topic}, whatever else the outbox
 * holds: PostgreSQL's EXPLAIN ANALYZE on the synthetic organisation with two emails for
 * each of its 20,000 invitations (in a transaction rolled back, since the database is
 * shared).
 */
class OutboxPersonalDataPlanIntegrationTests {

	@Test
	void findsTheEmailsOfABatchByTopicOnItsIndex() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		jdbc.sql("begin").update();
		try {
			jdbc.sql("""
					insert into outbound_email (topic, message_id, recipient, subject, text_body, html_body, status,
					                            next_attempt_at, created_at, sent_at)
					select 'invitation:' || i.id, '<plan-' || i.id || '-' || n || '@test.invalid>', 'x@test.invalid',
					       'Invitation', 'text', 'html', 'SENT', now(), now(), now()
					from invitation i, generate_series(1, 2) n
					""").update();
			jdbc.sql("analyze outbound_email").update();
			List<String> topics = jdbc.sql("select 'invitation:' || id from invitation order by id limit 500")
				.query(String.class)
				.list();
			assertThat(topics).hasSize(500);
			String[] texts = topics.stream().map((topic) -> "x@test.invalid").toArray(String[]::new);
			String plan = String.join("\n",
					jdbc.sql("explain (analyze, costs off, timing off) " + Outbox.REMOVE_PERSONAL_DATA)
						.params("s", "t", "h", "e", topics.toArray(String[]::new), texts, texts, texts)
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
