package com.videocall.admin.mail;

import com.videocall.admin.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An {@code outbound_email} table of a test's own, in a schema of its own on the test
 * database, made like the application's table. A dispatcher over it delivers only what
 * the test queued: over the shared table, the applications the other tests started keep
 * queueing emails (their automatic reminders run on clocks moved ahead), and a dispatcher
 * meeting one of them first at an unreachable mail server ends its round there.
 */
final class OutboxOfItsOwn implements AutoCloseable {

	private final HikariDataSource dataSource = new HikariDataSource();

	final JdbcClient jdbc;

	final TransactionTemplate transactions;

	OutboxOfItsOwn(String schema) {
		this.dataSource.setJdbcUrl(TestDatabase.url());
		this.dataSource.setUsername(TestDatabase.user());
		this.dataSource.setPassword(TestDatabase.password());
		this.dataSource.setMaximumPoolSize(3);
		this.dataSource.setConnectionInitSql("create schema if not exists " + schema + "; create table if not exists "
				+ schema + ".outbound_email (like video_call_admin.outbound_email including all); set search_path to "
				+ schema);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
