package com.videocall.admin.activity;

import java.util.Optional;

import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The newest integrity check of the activity trail as metrics (AC5): whether it found the
 * chain broken, and when it ran, so that an alert fires on a break and on checks that
 * stopped running. Both are the database's, whichever instance checked, read at most once
 * per {@code app.metrics-refresh}.
 */
@Component
class IntegrityMetrics {

	private final ActivityIntegrity integrity;

	private final long refreshNanos;

	private Reading newest;

	IntegrityMetrics(ActivityIntegrity integrity, MeterRegistry meters, AppProperties app) {
		this.integrity = integrity;
		this.refreshNanos = app.metricsRefresh().toNanos();
		Gauge.builder("videocall.activity.integrity.broken", this, IntegrityMetrics::broken)
			.description("1 when the newest integrity check found the activity trail changed, else 0")
			.register(meters);
		Gauge.builder("videocall.activity.integrity.checked.timestamp", this, IntegrityMetrics::checked)
			.description("When the activity trail's integrity was last checked, in seconds since the epoch; 0: never")
			.baseUnit("seconds")
			.register(meters);
	}

	private double broken() {
		return newest().map((check) -> check.broken() ? 1.0 : 0.0).orElse(0.0);
	}

	private double checked() {
		return newest().map((check) -> check.checkedAt().toEpochMilli() / 1000.0).orElse(0.0);
	}

	private synchronized Optional<IntegrityCheck> newest() {
		long now = System.nanoTime();
		if (this.newest == null || now - this.newest.readAt() > this.refreshNanos) {
			this.newest = new Reading(this.integrity.latest(), now);
		}
		return this.newest.check();
	}

	private record Reading(Optional<IntegrityCheck> check, long readAt) {
	}

}
