package com.videocall.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against: a Testcontainers server when a Docker engine is
 * available, otherwise a database of this test run's own on the local server, created
 * fresh and dropped when the JVM ends. Databases left by runs whose process is gone are
 * dropped first.
 */
public final class TestDatabase {

	private static final String LOCAL_SERVER = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String LOCAL_USER = env("TEST_POSTGRES_USER", "postgres");

	private static final String LOCAL_PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

	private static final String PREFIX = "vca_test_";

	private static String url;

	/** Where databases are made: the local server, or the container's first database. */
	private static String server;

	private static int databases;

	private static String user;

	private static String password;

	private TestDatabase() {
	}

	public static synchronized String url() {
		if (url == null) {
			start();
		}
		return url;
	}

	public static synchronized String user() {
		url();
		return user;
	}

	public static synchronized String password() {
		url();
		return password;
	}

	/**
	 * Another new, empty database on the same server, dropped when the JVM ends, for a
	 * test that starts the application on its own. Its URL names only host, port and
	 * database, as a platform's {@code SPRING_DATASOURCE_URL} does.
	 */
	public static synchronized String newDatabase() {
		url();
		return create();
	}

	/**
	 * Migrates a {@link #newDatabase()} as the application does at its start (every
	 * versioned and repeatable migration).
	 */
	public static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("video_call_admin")
			.createSchemas(true)
			.locations("classpath:db/migration")
			.load()
			.migrate();
	}

	private static void start() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			server = container.getJdbcUrl();
			user = container.getUsername();
			password = container.getPassword();
			url = server;
			return;
		}
		server = LOCAL_SERVER;
		user = LOCAL_USER;
		password = LOCAL_PASSWORD;
		try (Connection admin = DriverManager.getConnection(server, user, password);
				Statement statement = admin.createStatement()) {
			dropDatabasesOfEndedRuns(statement);
		}
		catch (SQLException ex) {
			throw cannotCreate(ex);
		}
		url = create();
	}

	private static String create() {
		String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() + "_" + (++databases);
		try (Connection admin = DriverManager.getConnection(server, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw cannotCreate(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name);
	}

	private static IllegalStateException cannotCreate(SQLException ex) {
		return new IllegalStateException(
				"Cannot create a test database on " + server + "; is PostgreSQL running? (pg_ctlcluster 15 main start)",
				ex);
	}

	private static void dropDatabasesOfEndedRuns(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (ResultSet rs = statement
			.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
			while (rs.next()) {
				String database = rs.getString(1);
				long pid = Long.parseLong(database.substring(PREFIX.length()).split("_")[0]);
				if (ProcessHandle.of(pid).isEmpty()) {
					stale.add(database);
				}
			}
		}
		for (String database : stale) {
			try {
				statement.execute("drop database if exists " + database + " with (force)");
			}
			catch (SQLException ex) {
				// Another user's (tests run as a role without superuser, such as the
				// one docs/deployment.md describes): left for a run of its owner.
			}
		}
	}

	private static void drop(String name) {
		try (Connection admin = DriverManager.getConnection(server, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			// The next run drops it: its process is gone by then.
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
