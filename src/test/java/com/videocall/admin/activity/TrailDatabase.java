package com.videocall.admin.activity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.support.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of the activity tests' own, migrated as the application's, where they may
 * change the trail behind the application's back: the shared test database's trail must
 * stay a whole chain for every other test. One per test run, shared by those tests, each
 * starting from an empty trail ({@link #empty()}). Entries are written by the
 * application's own writer ({@link ActivityRecorder}, outside a transaction as a sign-in
 * writes them, so without JPA), or planted in bulk with the same hash.
 */
final class TrailDatabase {

	private static TrailDatabase shared;

	private final HikariDataSource dataSource;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final PlatformTransactionManager transactions;

	private final ActivityRecorder recorder;

	private TrailDatabase(HikariDataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.batches = new JdbcTemplate(dataSource);
		this.transactions = new DataSourceTransactionManager(dataSource);
		this.recorder = new ActivityRecorder(this.jdbc, null, this.transactions, new ActivityLog(this.jdbc));
	}

	static synchronized TrailDatabase get() {
		if (shared == null) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(TestDatabase.newDatabase());
			config.setUsername(TestDatabase.user());
			config.setPassword(TestDatabase.password());
			config.setSchema("video_call_admin");
			config.setMaximumPoolSize(4);
			config.addDataSourceProperty("reWriteBatchedInserts", "true");
			HikariDataSource dataSource = new HikariDataSource(config);
			TestDatabase.migrate(dataSource);
			shared = new TrailDatabase(dataSource);
		}
		return shared;
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	PlatformTransactionManager transactions() {
		return this.transactions;
	}

	/** A connection of its own, outside Spring's transactions. */
	Connection connection() throws SQLException {
		return this.dataSource.getConnection();
	}

	/**
	 * Removes every entry, checkpoint and check result, as only the retention job may (it
	 * says so to the append-only trigger).
	 */
	void empty() {
		asRetention("delete from activity_integrity_check", "delete from activity_checkpoint",
				"delete from activity_entry_area", "delete from activity_entry");
	}

	/**
	 * Runs statements in a transaction that says it is the retention job's, as anyone who
	 * can run SQL as the application could.
	 */
	void asRetention(String... statements) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.sql("set local video_call_admin.activity_retention = 'on'").update();
			for (String statement : statements) {
				this.jdbc.sql(statement).update();
			}
		});
	}

	/**
	 * Writes an entry through the application's writer: an administrator's reminder for
	 * an area, or, with roles, roles granted there; returns its id.
	 */
	long write(Instant at, long areaId, String... roles) {
		ActivityKind kind = (roles.length > 0) ? ActivityKind.ROLES_GRANTED : ActivityKind.REMINDER_SENT;
		this.recorder.record(new NewEntry(kind, at, 7L, 8L, (roles.length > 0) ? null : 9L, "Users", null, null,
				List.of(new AreaRoles(areaId, List.of(roles)))));
		return this.jdbc.sql("select max(id) from activity_entry").query(Long.class).single();
	}

	/**
	 * Plants {@code count} chained entries on an empty trail, one {@code step} apart from
	 * {@code first}, each with one area and a role, a batch at a time; returns the first
	 * id.
	 */
	long plant(int count, Instant first, Duration step) {
		long firstId = this.jdbc.sql("select nextval('activity_entry_id')").query(Long.class).single();
		this.jdbc.sql("select setval('activity_entry_id', ?)").param(firstId + count - 1).query().singleRow();
		byte[] previous = ActivityChain.START;
		List<Object[]> entries = new ArrayList<>();
		List<Object[]> areas = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long id = firstId + i;
			EntryContent content = new EntryContent("ROLES_GRANTED", first.plus(step.multipliedBy(i)), 7L, 8L + i, null,
					"Add Users", null, null, List.of(new AreaRoles(1 + i % 50, List.of("SERVICE_PROVIDER"))));
			previous = ActivityChain.hash(previous, id, content);
			entries.add(new Object[] { id, Timestamp.from(content.at()), content.kind(), content.actorId(),
					content.personId(), content.sourcePage(), previous });
			areas.add(new Object[] { id, content.areas().get(0).areaId() });
			if (entries.size() == 5_000 || i == count - 1) {
				insert(entries, areas);
				entries.clear();
				areas.clear();
			}
		}
		return firstId;
	}

	private void insert(List<Object[]> entries, List<Object[]> areas) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.batches.batchUpdate("""
					insert into activity_entry (id, occurred_at, kind, actor_id, person_id, source_page, hash)
					values (?, ?, ?, ?, ?, ?, ?)
					""", entries);
			this.batches.batchUpdate("""
					insert into activity_entry_area (entry_id, area_id, roles) values (?, ?, '{SERVICE_PROVIDER}')
					""", areas);
		});
	}

	/**
	 * Runs statements as someone who gets past the append-only trigger would: with it
	 * switched off, in one transaction that switches it on again.
	 */
	void tamper(String... statements) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			switchTrigger("disable");
			for (String statement : statements) {
				this.jdbc.sql(statement).update();
			}
			switchTrigger("enable");
		});
	}

	private void switchTrigger(String how) {
		for (String table : List.of("activity_entry", "activity_entry_area")) {
			this.jdbc.sql("alter table " + table + " " + how + " trigger activity_append_only").update();
		}
	}

	/** The hash stored with the entry. */
	byte[] hash(long entryId) {
		return this.jdbc.sql("select hash from activity_entry where id = ?")
			.param(entryId)
			.query(byte[].class)
			.single();
	}

}
