package com.videocall.admin.activity;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import com.videocall.admin.support.MutableClock;
import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity check (AC5) on a trail changed behind the application's back, in a
 * database of these tests' own ({@link TrailDatabase}): an entry or one of its areas
 * edited, an entry removed from the middle, the newest entries removed, an entry
 * inserted, the chain written anew with hashes that follow, areas left without their
 * entry. Each is reported at the entry where the chain breaks, with an ERROR line and the
 * metric; a whole trail is reported as such, and the check runs when it is due.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActivityIntegrityTests {

	private static final HexFormat HEX = HexFormat.of();

	private final TrailDatabase trail = TrailDatabase.get();

	private final MutableClock clock = new MutableClock();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ActivityIntegrity integrity = new ActivityIntegrity(this.trail.jdbc(), this.trail.transactions(),
			new ActivityProperties(Period.ofYears(7), Duration.ofDays(1)), this.clock);

	/** Held here: a gauge holds what it reads weakly. */
	private final IntegrityMetrics metrics = new IntegrityMetrics(this.integrity, this.meters,
			new AppProperties(URI.create("http://localhost:8080"), ZoneId.of("Australia/Sydney"), Duration.ZERO));

	@BeforeEach
	void emptyTrail() {
		this.trail.empty();
	}

	@Test
	void saysWhenNoCheckHasRunYet() {
		assertThat(this.integrity.latest()).isEmpty();
		assertThat(metric("videocall.activity.integrity.broken")).isZero();
		assertThat(metric("videocall.activity.integrity.checked.timestamp")).isZero();
	}

	@Test
	void findsNoEntryChangedInAWholeTrail(CapturedOutput output) {
		write(4);

		IntegrityCheck check = this.integrity.check();

		assertThat(check.broken()).isFalse();
		assertThat(check.problem()).isNull();
		assertThat(check.entriesChecked()).isEqualTo(4);
		assertThat(this.integrity.latest()).contains(check);
		assertThat(metric("videocall.activity.integrity.broken")).isZero();
		assertThat(metric("videocall.activity.integrity.checked.timestamp"))
			.isEqualTo(check.checkedAt().toEpochMilli() / 1000.0);
		assertThat(output).contains("Activity trail integrity check: no entry changed; entries checked: 4")
			.doesNotContain("the trail changed");
	}

	@Test
	void findsAnEditedEntry(CapturedOutput output) {
		long[] ids = write(5);
		this.trail.tamper("update activity_entry set person_id = 99 where id = " + ids[2]);

		assertBrokenAt(ids[2], "its hash does not follow entry " + ids[1]
				+ ", so it was changed, or an entry before it was removed or inserted", output);
	}

	@Test
	void findsAnEditedAreaOfAnEntry(CapturedOutput output) {
		long[] ids = write(3);
		this.trail
			.tamper("update activity_entry_area set roles = '{ORGANISATION_ADMINISTRATOR}' where entry_id = " + ids[1]);

		assertBrokenAt(ids[1], "its hash does not follow entry " + ids[0]
				+ ", so it was changed, or an entry before it was removed or inserted", output);
	}

	@Test
	void findsAnEntryRemovedFromTheMiddle(CapturedOutput output) {
		long[] ids = write(5);
		assertThat(this.integrity.check().broken()).isFalse();
		this.trail.asRetention("delete from activity_entry_area where entry_id = " + ids[2],
				"delete from activity_entry where id = " + ids[2]);

		assertBrokenAt(ids[3], "its hash does not follow entry " + ids[1]
				+ ", so it was changed, or an entry before it was removed or inserted; there is no entry " + ids[2],
				output);
	}

	/**
	 * The chain alone cannot show the newest entries gone; the last check without a
	 * problem found them, and every later check misses them.
	 */
	@Test
	void findsTheNewestEntriesRemovedSinceTheLastCheck(CapturedOutput output) {
		long[] ids = write(5);
		IntegrityCheck whole = this.integrity.check();
		this.trail.asRetention("delete from activity_entry_area where entry_id >= " + ids[3],
				"delete from activity_entry where id >= " + ids[3]);
		String problem = "it is gone, though the check of " + whole.checkedAt().truncatedTo(ChronoUnit.SECONDS)
				+ " found the trail whole up to it";

		assertBrokenAt(ids[4], problem, output);
		this.clock.advance(Duration.ofDays(1));
		write(1);
		assertThat(this.integrity.check()).extracting(IntegrityCheck::brokenAtEntry, IntegrityCheck::problem)
			.containsExactly(ids[4], problem);
	}

	/**
	 * A forged entry with the hash it would have had, inserted where the ids leave room:
	 * the entry after it no longer follows.
	 */
	@Test
	void findsAnEntryInsertedWithAHashThatFollows(CapturedOutput output) {
		long[] ids = write(2);
		long room = this.trail.jdbc().sql("select nextval('activity_entry_id')").query(Long.class).single();
		long after = write(1)[0];
		EntryContent forged = new EntryContent("ROLES_GRANTED", Instant.now(), 7L, 8L, null, "Users", null, null,
				List.of(new AreaRoles(1, List.of("ORGANISATION_ADMINISTRATOR"))));
		insert(room, forged, ActivityChain.hash(this.trail.hash(ids[1]), room, forged));

		assertBrokenAt(after, "its hash does not follow entry " + room
				+ ", so it was changed, or an entry before it was removed or inserted", output);
	}

	@Test
	void findsAnEntryInsertedWithAHashThatDoesNotFollow(CapturedOutput output) {
		long[] ids = write(3);
		long forged = this.trail.jdbc().sql("select nextval('activity_entry_id')").query(Long.class).single();
		insert(forged, new EntryContent("ROLES_GRANTED", Instant.now(), 7L, 8L, null, "Users", null, null, List.of()),
				this.trail.hash(ids[2]));

		assertBrokenAt(forged, "its hash does not follow entry " + ids[2]
				+ ", so it was changed, or an entry before it was removed or inserted", output);
	}

	/**
	 * An entry changed and every hash after it computed anew: the chain follows, but the
	 * newest entry the last check found whole no longer has the hash it had.
	 */
	@Test
	void findsTheTrailWrittenAnewWithHashesThatFollow(CapturedOutput output) {
		long[] ids = write(4);
		IntegrityCheck whole = this.integrity.check();
		this.trail.tamper("update activity_entry set person_id = 99 where id = " + ids[1]);
		byte[][] previous = { this.trail.hash(ids[0]) };
		StoredEntries.after(this.trail.jdbc(), ids[0], (entry) -> {
			previous[0] = entry.expectedHash(previous[0]);
			this.trail.tamper("update activity_entry set hash = decode('" + HEX.formatHex(previous[0])
					+ "', 'hex') where id = " + entry.id());
		});

		assertBrokenAt(ids[3], "its hash is not the one the check of "
				+ whole.checkedAt().truncatedTo(ChronoUnit.SECONDS) + " found, so the trail up to it was written anew",
				output);
	}

	/**
	 * The newest entry removed with its areas left behind, which the foreign key
	 * otherwise prevents (someone who can drop it, or who switches it off as a superuser
	 * can).
	 */
	@Test
	void findsAreasLeftWithoutTheirEntry(CapturedOutput output) {
		long[] ids = write(3);
		this.trail.tamper("alter table activity_entry_area drop constraint activity_entry_area_entry_id_fkey",
				"delete from activity_entry where id = " + ids[2]);
		try {
			assertBrokenAt(ids[2], "its areas remain without the entry, so it was removed", output);
		}
		finally {
			this.trail.empty();
			this.trail.jdbc()
				.sql("alter table activity_entry_area add constraint activity_entry_area_entry_id_fkey "
						+ "foreign key (entry_id) references activity_entry (id)")
				.update();
		}
	}

	@Test
	void checksWhenTheNewestCheckIsAsOldAsTheInterval() {
		write(1);
		this.integrity.checkWhenDue();
		this.clock.advance(Duration.ofHours(23));
		this.integrity.checkWhenDue();
		assertThat(checks()).as("checks within the interval").isOne();

		this.clock.advance(Duration.ofHours(1));
		this.integrity.checkWhenDue();
		assertThat(checks()).as("checks once the newest is as old as the interval").isEqualTo(2);
	}

	private void assertBrokenAt(long entryId, String problem, CapturedOutput output) {
		IntegrityCheck check = this.integrity.check();

		assertThat(check.brokenAtEntry()).isEqualTo(entryId);
		assertThat(check.problem()).isEqualTo(problem);
		assertThat(this.integrity.latest()).contains(check);
		assertThat(metric("videocall.activity.integrity.broken")).isOne();
		assertThat(output.getAll().lines())
			.filteredOn((line) -> line.contains(
					"Activity trail integrity check: the trail changed at entry " + entryId + " (" + problem + ")"))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("ERROR"));
	}

	/** Writes entries one after the other, with roles or without; returns their ids. */
	private long[] write(int count) {
		return LongStream.range(0, count)
			.map((i) -> (i % 2 == 0) ? this.trail.write(this.clock.instant(), 10 + i)
					: this.trail.write(this.clock.instant(), 10 + i, "SERVICE_PROVIDER", "ROOM_ADMINISTRATOR"))
			.toArray();
	}

	private void insert(long id, EntryContent content, byte[] hash) {
		this.trail.jdbc()
			.sql("""
					insert into activity_entry (id, occurred_at, kind, actor_id, person_id, source_page, hash)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
			.params(id, Timestamp.from(content.at()), content.kind(), content.actorId(), content.personId(),
					content.sourcePage(), hash)
			.update();
		for (AreaRoles area : content.areas()) {
			this.trail.jdbc()
				.sql("insert into activity_entry_area (entry_id, area_id, roles) values (?, ?, ?)")
				.params(id, area.areaId(), area.roles().toArray(String[]::new))
				.update();
		}
	}

	private long checks() {
		return this.trail.jdbc().sql("select count(*) from activity_integrity_check").query(Long.class).single();
	}

	private double metric(String name) {
		return this.meters.get(name).gauge().value();
	}

}
