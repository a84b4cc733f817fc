package com.videocall.admin.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock held by a transaction of a test's own, and a job that meets it: for the jobs
 * that lock due rows, which must not leave one behind because another transaction held it
 * for a moment.
 */
public final class HeldLocks {

	private HeldLocks() {
	}

	/**
	 * Runs {@code job} while a transaction holds the invitation as the outbox's trigger
	 * does when it marks one of the invitation's emails sent (it refreshes the Pending
	 * Invitations list's keys); checks that the job waits for that transaction, commits
	 * it, and returns what the job returned.
	 */
	public static <T> T whileTheOutboxHolds(DataSource dataSource, JdbcClient jdbc, long invitation, Callable<T> job)
			throws Exception {
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try (Connection outbox = dataSource.getConnection()) {
			outbox.setAutoCommit(false);
			try (PreparedStatement delivered = outbox
				.prepareStatement("update outbound_email set status = status where topic = invitation_topic(?)")) {
				delivered.setLong(1, invitation);
				assertThat(delivered.executeUpdate()).isPositive();
			}
			Future<T> running = threads.submit(job);
			awaitBlockedBy(jdbc, backendOf(outbox), running);
			assertThat(running).as("the job waits for the outbox's transaction").isNotDone();
			outbox.commit();
			return running.get(30, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * The server process of a connection, which other sessions wait for when it holds a
	 * lock.
	 */
	private static int backendOf(Connection connection) throws SQLException {
		try (ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
			pid.next();
			return pid.getInt(1);
		}
	}

	/**
	 * Waits (10 seconds at most) until a session waits for a lock the backend
	 * {@code holder} holds, or {@code job} has ended without waiting.
	 */
	private static void awaitBlockedBy(JdbcClient jdbc, int holder, Future<?> job) throws InterruptedException {
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
