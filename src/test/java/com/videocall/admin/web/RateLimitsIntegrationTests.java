package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts in PostgreSQL: exact under concurrent requests, a new window once one has
 * passed, and expired rows deleted. Each test counts under a limit name of its own.
 */
@IntegrationTest
class RateLimitsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	final MutableClock clock = new MutableClock();

	@Test
	void grantsExactlyTheMaximumToConcurrentRequests() throws Exception {
		RateLimits limits = new RateLimits(this.jdbc, this.clock);
		RateLimit limit = limit(5, Duration.ofMinutes(15));
		ExecutorService requests = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				attempts.add(() -> limits.tryAcquire(limit, "10.9.9.9"));
			}
			int granted = 0;
			for (Future<Boolean> attempt : requests.invokeAll(attempts)) {
				granted += attempt.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(5);
			assertThat(limits.count(limit, "10.9.9.9")).isEqualTo(5);
		}
		finally {
			requests.shutdown();
		}
	}

	@Test
	void startsANewWindowOnceOneHasPassed() {
		RateLimits limits = new RateLimits(this.jdbc, this.clock);
		RateLimit limit = limit(2, Duration.ofMinutes(10));
		assertThat(limits.tryAcquire(limit, "key")).isTrue();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(limits.tryAcquire(limit, "key")).isTrue();
		assertThat(limits.tryAcquire(limit, "key")).isFalse();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(limits.count(limit, "key")).isZero();
		assertThat(limits.tryAcquire(limit, "key")).isTrue();
		assertThat(limits.count(limit, "key")).isEqualTo(1);
	}

	@Test
	void deletesExpiredCountsOnALaterChange() {
		RateLimit limit = limit(3, Duration.ofMinutes(1));
		new RateLimits(this.jdbc, this.clock).record(limit, "old");
		assertThat(rows(limit)).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(2));
		new RateLimits(this.jdbc, this.clock).record(limit, "new");
		assertThat(rows(limit)).isEqualTo(1);
		assertThat(new RateLimits(this.jdbc, this.clock).count(limit, "new")).isEqualTo(1);
	}

	private static RateLimit limit(int max, Duration window) {
		return new RateLimit("test." + TestOrganisation.tag(), max, window);
	}

	private long rows(RateLimit limit) {
		return this.jdbc.sql("select count(*) from rate_limit_counter where limit_name = ?")
			.param(limit.name())
			.query(Long.class)
			.single();
	}

}
