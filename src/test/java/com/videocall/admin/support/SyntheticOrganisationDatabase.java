package com.videocall.admin.support;

import java.util.Set;

import com.videocall.admin.directory.AdministratorScope;
import org.flywaydb.core.Flyway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database of its own, migrated, with the synthetic organisation of
 * docs/requirements.md §5 (100,000 accounts, 20,000 pending invitations) planted and
 * vacuumed as autovacuum leaves a settled database. Planted once per test run, on first
 * use, and shared by the plan tests, which only read it.
 */
public final class SyntheticOrganisationDatabase {

	private static JdbcClient jdbc;

	private static SingleConnectionDataSource dataSource;

	private SyntheticOrganisationDatabase() {
	}

	/** The planted database, over one connection. */
	public static synchronized JdbcClient jdbc() {
		if (jdbc == null) {
			jdbc = plant();
		}
		return jdbc;
	}

	/**
	 * Adds {@code entries} entries to the activity trail with
	 * bulk/synthetic-activity.sql, as the benchmark adds a million: chained after the
	 * newest entry there is.
	 */
	public static synchronized void plantActivity(int entries) {
		jdbc().sql("select set_config('synthetic.activity_entries', ?, false)")
			.param(String.valueOf(entries))
			.query()
			.singleRow();
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-activity.sql")).execute(dataSource);
		jdbc().sql("select set_config('synthetic.activity_entries', '', false)").query().singleRow();
	}

	/**
	 * The scope of an Organisation Administrator of one clinic of the synthetic
	 * organisation ("Bulk Health 1 Clinic 1" and the areas in it).
	 */
	public static AdministratorScope clinicAdministrator() {
		long unit = jdbc().sql("select id from area where name = 'Bulk Health 1 Clinic 1'").query(Long.class).single();
		return new AdministratorScope(2, false,
				Set.copyOf(jdbc().sql("select id from area where id = ? or parent_id = ?")
					.params(unit, unit)
					.query(Long.class)
					.list()));
	}

	/**
	 * How many sequential scans of the table the reads made, run in a transaction rolled
	 * back with the plans PostgreSQL keeps for any parameters (generic plans), as counted
	 * by {@code pg_stat_xact_user_tables}.
	 */
	public static long sequentialScansWhile(String table, Runnable reads) {
		JdbcClient client = jdbc();
		client.sql("begin").update();
		try {
			client.sql("set local plan_cache_mode = force_generic_plan").update();
			long before = sequentialScans(client, table);
			reads.run();
			return sequentialScans(client, table) - before;
		}
		finally {
			client.sql("rollback").update();
		}
	}

	private static long sequentialScans(JdbcClient client, String table) {
		return client.sql("select seq_scan from pg_stat_xact_user_tables where relid = cast(? as regclass)")
			.param(table)
			.query(Long.class)
			.single();
	}

	private static JdbcClient plant() {
		dataSource = new SingleConnectionDataSource(TestDatabase.newDatabase() + "?currentSchema=video_call_admin",
				TestDatabase.user(), TestDatabase.password(), true);
		Flyway.configure()
			.dataSource(new DriverManagerDataSource(dataSource.getUrl(), TestDatabase.user(), TestDatabase.password()))
			.schemas("video_call_admin")
			.createSchemas(true)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		JdbcClient client = JdbcClient.create(dataSource);
		// The synthetic organisation takes its passwords from the demo's System
		// Administrator.
		client.sql("""
				insert into account (email, full_name, password_hash, status, system_administrator, created_at)
				values ('admin@example.org', 'Plan Administrator', '{noop}unused', 'ACTIVE', true, now())
				""").update();
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-organisation.sql")).execute(dataSource);
		return client;
	}

}
