package com.videocall.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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

	private static void start() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			url = container.getJdbcUrl();
			user = container.getUsername();
			password = container.getPassword();
			return;
		}
		String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
		try (Connection admin = DriverManager.getConnection(LOCAL_SERVER, LOCAL_USER, LOCAL_PASSWORD);
				Statement statement = admin.createStatement()) {
			dropDatabasesOfEndedRuns(statement);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + LOCAL_SERVER
					+ "; is PostgreSQL running? (pg_ctlcluster 15 main start)", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		url = LOCAL_SERVER.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name);
		user = LOCAL_USER;
		password = LOCAL_PASSWORD;
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
			statement.execute("drop database if exists " + database + " with (force)");
		}
	}

	private static void drop(String name) {
		try (Connection admin = DriverManager.getConnection(LOCAL_SERVER, LOCAL_USER, LOCAL_PASSWORD);
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
