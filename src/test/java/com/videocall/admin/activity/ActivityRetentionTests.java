package com.videocall.admin.activity;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.web.AppProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention job (AC5): it removes the entries older than
 * {@code app.activity.retention} (7 years in {@code app.time-zone}), a prefix of the
 * chain only, never beyond what the newest integrity check found whole, in batches of
 * 10,000 each leaving a checkpoint; the check then finds no entry changed, and new
 * entries chain on from the checkpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActivityRetentionTests {

	private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

	/** Seven years before 11 am in Sydney, summer time then as now. */
	private static final Instant CUTOFF = Instant.parse("2019-03-01T00:00:00Z");

	private final TrailDatabase trail = TrailDatabase.get();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ActivityProperties properties = new ActivityProperties(Period.ofYears(7), Duration.ofDays(1));

	private final ActivityIntegrity integrity = new ActivityIntegrity(this.trail.jdbc(), this.trail.transactions(),
			this.properties, this.clock);

	private final ActivityRetention retention = new ActivityRetention(this.trail.jdbc(), this.trail.transactions(),
			this.properties, new AppProperties(URI.create("http://localhost:8080"), ZoneId.of("Australia/Sydney"),
					Duration.ofSeconds(5)),
			this.clock);

	@BeforeEach
	void emptyTrail() {
		this.trail.empty();
	}

	@Test
	void removesTheEntriesOlderThanTheRetentionLeavingACheckpointTheChainContinuesFrom(CapturedOutput output) {
		long first = write(CUTOFF.minus(Duration.ofDays(400)));
		write(CUTOFF.minus(Duration.ofDays(1)));
		long lastOld = write(CUTOFF.minusSeconds(1));
		long atCutoff = write(CUTOFF);
		long recent = write(NOW.minus(Duration.ofDays(1)));
		byte[] lastOldHash = this.trail.hash(lastOld);
		assertThat(this.integrity.check().broken()).isFalse();

		this.retention.run();

		assertThat(entries()).containsExactly(atCutoff, recent);
		assertThat(this.trail.jdbc()
			.sql("select count(*) from activity_entry_area where entry_id between ? and ?")
			.params(first, lastOld)
			.query(Long.class)
			.single()).as("areas of removed entries").isZero();
		assertThat(checkpoints()).singleElement()
			.satisfies((checkpoint) -> assertThat(checkpoint).containsEntry("created_at", NOW)
				.containsEntry("last_entry_id", lastOld)
				.containsEntry("last_hash", lastOldHash)
				.containsEntry("removed", 3));
		assertThat(output).contains("Activity trail retention: 3 entries that happened before " + CUTOFF + " removed");
		assertThat(this.integrity.check()).extracting(IntegrityCheck::broken, IntegrityCheck::entriesChecked)
			.containsExactly(false, 2L);

		write(NOW);
		assertThat(this.integrity.check()).extracting(IntegrityCheck::broken, IntegrityCheck::entriesChecked)
			.containsExactly(false, 3L);
	}

	/** The writer then follows the checkpoint's hash. */
	@Test
	void continuesFromTheCheckpointWhenEveryEntryWasRemoved() {
		write(CUTOFF.minus(Duration.ofDays(10)));
		write(CUTOFF.minus(Duration.ofDays(9)));
		this.integrity.check();

		this.retention.run();
		assertThat(entries()).isEmpty();
		long next = write(NOW);

		assertThat(this.integrity.check()).extracting(IntegrityCheck::broken, IntegrityCheck::entriesChecked)
			.containsExactly(false, 1L);
		assertThat(entries()).containsExactly(next);
	}

	/**
	 * Ids follow the commits, times the events: an old entry after a recent one waits
	 * until the recent one is old too.
	 */
	@Test
	void removesOnlyTheOldestEntriesInChainOrder() {
		long first = write(CUTOFF.minus(Duration.ofDays(3)));
		write(CUTOFF.minus(Duration.ofDays(2)));
		long recent = write(NOW);
		long oldAfterRecent = write(CUTOFF.minus(Duration.ofDays(1)));
		this.integrity.check();

		assertThat(this.retention.removeBefore(CUTOFF)).isEqualTo(2);

		assertThat(entries()).containsExactly(recent, oldAfterRecent).doesNotContain(first);
		assertThat(this.integrity.check().broken()).isFalse();
	}

	@Test
	void removesNoEntryTheNewestCheckDidNotFindWhole() {
		long[] old = { write(CUTOFF.minus(Duration.ofDays(4))), write(CUTOFF.minus(Duration.ofDays(3))),
				write(CUTOFF.minus(Duration.ofDays(2))) };
		assertThat(this.retention.removeBefore(CUTOFF)).as("removed before any check").isZero();
		assertThat(checkpoints()).isEmpty();

		this.integrity.check();
		long notChecked = write(CUTOFF.minus(Duration.ofDays(1)));

		assertThat(this.retention.removeBefore(CUTOFF)).as("removed after a check").isEqualTo(3);
		assertThat(entries()).containsExactly(notChecked);
		assertThat(checkpoints()).singleElement()
			.satisfies((checkpoint) -> assertThat(checkpoint).containsEntry("last_entry_id", old[2]));
	}

	/** The entry where the chain breaks stays, and the check still finds the break. */
	@Test
	void keepsTheEntryWhereTheChainBreaks() {
		long first = write(CUTOFF.minus(Duration.ofDays(4)));
		long second = write(CUTOFF.minus(Duration.ofDays(3)));
		long edited = write(CUTOFF.minus(Duration.ofDays(2)));
		long after = write(CUTOFF.minus(Duration.ofDays(1)));
		this.trail.tamper("update activity_entry set detail = 'edited' where id = " + edited);
		assertThat(this.integrity.check().brokenAtEntry()).isEqualTo(edited);

		assertThat(this.retention.removeBefore(CUTOFF)).isEqualTo(2);

		assertThat(entries()).containsExactly(edited, after).doesNotContain(first, second);
		assertThat(this.integrity.check().brokenAtEntry()).isEqualTo(edited);
	}

	@Test
	void removesInBatchesOfTenThousandEachWithItsCheckpoint() {
		long first = this.trail.plant(10_001, CUTOFF.minus(Duration.ofDays(30)), Duration.ofSeconds(10));
		assertThat(this.integrity.check()).extracting(IntegrityCheck::broken, IntegrityCheck::entriesChecked)
			.containsExactly(false, 10_001L);

		assertThat(this.retention.removeBefore(CUTOFF)).isEqualTo(10_001);

		assertThat(checkpoints())
			.extracting((checkpoint) -> checkpoint.get("last_entry_id"), (checkpoint) -> checkpoint.get("removed"))
			.containsExactly(tuple(first + 9_999, 10_000), tuple(first + 10_000, 1));
		assertThat(entries()).isEmpty();
		assertThat(this.integrity.check().broken()).isFalse();
	}

	/** No writer reads the last hash while entries are being removed. */
	@Test
	void removesWhileHoldingTheChainsLock() throws Exception {
		write(CUTOFF.minus(Duration.ofDays(1)));
		this.integrity.check();
		CompletableFuture<Integer> removed;
		try (Connection writer = this.trail.connection(); Statement statement = writer.createStatement()) {
			writer.setAutoCommit(false);
			statement.execute("select pg_advisory_xact_lock(" + ActivityRecorder.CHAIN_LOCK + ")");
			removed = CompletableFuture.supplyAsync(() -> this.retention.removeBefore(CUTOFF));
			Thread.sleep(300);
			assertThat(removed).as("retention while a writer holds the chain's lock").isNotDone();
			writer.commit();
		}
		assertThat(removed.get(10, TimeUnit.SECONDS)).isOne();
	}

	private long write(Instant at) {
		return this.trail.write(at, 5, "SERVICE_PROVIDER");
	}

	private List<Long> entries() {
		return this.trail.jdbc().sql("select id from activity_entry order by id").query(Long.class).list();
	}

	private List<Map<String, Object>> checkpoints() {
		return this.trail.jdbc()
			.sql("select created_at, last_entry_id, last_hash, removed from activity_checkpoint order by id")
			.query((rs, row) -> Map.<String, Object>of("created_at", rs.getTimestamp(1).toInstant(), "last_entry_id",
					rs.getLong(2), "last_hash", rs.getBytes(3), "removed", rs.getInt(4)))
			.list();
	}

}
