package com.videocall.admin.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as the metrics show it: how many emails wait to be sent and how long the
 * oldest of them has waited. Both come from one query on the partial index of queued
 * emails, read at most once per {@code app.metrics-refresh} however often the metrics are
 * scraped. Every instance reports the same numbers, those of the one database. The
 * counters of what was sent and what failed are the {@link OutboxDispatcher}'s.
 */
@Component
class OutboxMetrics {

	private final long refreshNanos;

	private final JdbcClient jdbc;

	private final Clock clock;

	private Backlog backlog;

	OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters, AppProperties app) {
		this.refreshNanos = app.metricsRefresh().toNanos();
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("videocall.outbox.backlog", this, (metrics) -> metrics.backlog().emails())
			.description("Emails waiting in the outbox to be sent (QUEUED)")
			.register(meters);
		Gauge.builder("videocall.outbox.oldest.age", this, (metrics) -> metrics.backlog().oldestAgeSeconds())
			.description("How long the oldest email waiting in the outbox has waited; 0 when none waits")
			.baseUnit("seconds")
			.register(meters);
	}

	private synchronized Backlog backlog() {
		long now = System.nanoTime();
		if (this.backlog == null || now - this.backlog.readAt() > this.refreshNanos) {
			this.backlog = this.jdbc.sql("select count(*), min(created_at) from outbound_email where status = 'QUEUED'")
				.query((rs, row) -> new Backlog(rs.getLong(1), age(rs.getTimestamp(2)), now))
				.single();
		}
		return this.backlog;
	}

	private double age(Timestamp oldest) {
		return (oldest != null) ? Duration.between(oldest.toInstant(), Instant.now(this.clock)).toMillis() / 1000.0 : 0;
	}

	private record Backlog(long emails, double oldestAgeSeconds, long readAt) {
	}

}
