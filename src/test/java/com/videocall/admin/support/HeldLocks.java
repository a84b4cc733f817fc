package com.videocall.admin.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock held by a transaction of a test's own, and a job that meets it: for the jobs
 * that lock due rows, which must not leave one behind because another transaction held it
 * for a moment.
 */
public final class HeldLocks {

	private HeldLocks() {
	}

	/**
	 * The server process of a connection, which other sessions wait for when it holds a
	 * lock.
	 */
	public static int backendOf(Connection connection) throws SQLException {
		try (ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
			pid.next();
			return pid.getInt(1);
		}
	}

	/**
	 * Waits (10 seconds at most) until a session waits for a lock the backend
	 * {@code holder} holds, or {@code job} has ended without waiting.
	 */
	public static void awaitBlockedBy(JdbcClient jdbc, int holder, Future<?> job) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!job.isDone() && System.nanoTime() < deadline
				&& jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
					.param(holder)
					.query(Long.class)
					.single() == 0) {
			Thread.sleep(10);
		}
	}

}
