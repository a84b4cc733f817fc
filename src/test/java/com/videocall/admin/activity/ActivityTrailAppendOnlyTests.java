package com.videocall.admin.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database keeps the trail append-only (AC5): entries, their areas, checkpoints and
 * the integrity check's results are never updated, deleted or truncated, except that the
 * retention job's own transaction, which says so, may delete.
 */
class ActivityTrailAppendOnlyTests {

	private final TrailDatabase trail = TrailDatabase.get();

	private long entry;

	@BeforeEach
	void oneOfEach() {
		this.trail.empty();
		this.entry = this.trail.write(Instant.now(), 3, "SERVICE_PROVIDER");
		new ActivityIntegrity(this.trail.jdbc(), this.trail.transactions(),
				new ActivityProperties(Period.ofYears(7), Duration.ofDays(1)), Clock.systemUTC())
			.check();
		this.trail.jdbc()
			.sql("insert into activity_checkpoint (created_at, last_entry_id, last_hash, removed) "
					+ "values (now(), 0, ?, 0)")
			.param(ActivityChain.START)
			.update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "update activity_entry set detail = 'changed'",
			"update activity_entry_area set roles = '{}'", "update activity_checkpoint set removed = 1",
			"update activity_integrity_check set problem = 'none'", "delete from activity_entry",
			"delete from activity_entry_area", "delete from activity_checkpoint",
			"delete from activity_integrity_check", "truncate activity_entry, activity_entry_area",
			"truncate activity_entry_area", "truncate activity_checkpoint", "truncate activity_integrity_check" })
	void refuses(String statement) {
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.trail.jdbc().sql(statement).update())
			.havingRootCause()
			.withMessageContaining("The activity trail is append-only");
		assertThat(this.trail.jdbc().sql("select count(*) from activity_entry_area").query(Long.class).single())
			.isOne();
	}

	/**
	 * Only deletes, only in the transaction that says so: {@code set local} ends with it.
	 */
	@Test
	void deletesOnlyInATransactionThatSaysItIsTheRetentionJobs() {
		TransactionTemplate transaction = new TransactionTemplate(this.trail.transactions());
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			this.trail.jdbc().sql("set local video_call_admin.activity_retention = 'on'").update();
			this.trail.jdbc().sql("update activity_entry set detail = 'changed'").update();
		})).havingRootCause().withMessageContaining("UPDATE on activity_entry refused");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			this.trail.jdbc().sql("set local video_call_admin.activity_retention = 'on'").update();
			this.trail.jdbc().sql("truncate activity_entry_area").update();
		})).havingRootCause().withMessageContaining("TRUNCATE on activity_entry_area refused");

		this.trail.asRetention("delete from activity_entry_area where entry_id = " + this.entry,
				"delete from activity_entry where id = " + this.entry);

		assertThat(this.trail.jdbc().sql("select count(*) from activity_entry").query(Long.class).single()).isZero();
		long next = this.trail.write(Instant.now(), 3);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.trail.jdbc().sql("delete from activity_entry_area where entry_id = ?").param(next).update())
			.havingRootCause()
			.withMessageContaining("DELETE on activity_entry_area refused");
	}

}
