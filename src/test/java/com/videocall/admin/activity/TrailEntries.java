package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries written to the trail through its recorder, as the listeners write them, for the
 * tests of what reads it (sign-in entries, whose listeners come later, among them). Each
 * planted entry has a time of its own, by which its id is found again.
 */
final class TrailEntries {

	/** The days of {@code app.time-zone} the tests' entries happened on. */
	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private final ActivityRecorder recorder;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	TrailEntries(ActivityRecorder recorder, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** 10 am in Sydney on the day. */
	static Instant on(String day) {
		return LocalDate.parse(day).atTime(10, 0).atZone(SYDNEY).toInstant();
	}

	static AreaRoles area(long areaId, String... roles) {
		return new AreaRoles(areaId, Arrays.asList(roles));
	}

	static NewEntry entry(ActivityKind kind, Instant at, Long actor, Long person, String sourcePage, String detail,
			AreaRoles... areas) {
		return new NewEntry(kind, at, actor, person, null, sourcePage, null, detail, List.of(areas));
	}

	/** Records the entry at once, in a transaction of its own, and answers its id. */
	long record(NewEntry entry) {
		this.recorder.record(entry);
		return this.jdbc.sql("select max(id) from activity_entry where kind = ? and occurred_at = ?")
			.params(entry.kind().name(), Timestamp.from(entry.at()))
			.query(Long.class)
			.single();
	}

	/**
	 * Records the entries in one transaction: they are chained together as it commits.
	 */
	void recordAll(List<NewEntry> entries) {
		this.transaction.executeWithoutResult((status) -> entries.forEach(this.recorder::record));
	}

}
