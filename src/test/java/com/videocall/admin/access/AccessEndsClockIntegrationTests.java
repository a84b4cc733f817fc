package com.videocall.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled rounds of access that ends (LC1) read the application's clock: a role
 * whose last day is today stays until midnight in app.time-zone and goes in the first
 * round after it.
 */
@MovableClockIntegrationTest
class AccessEndsClockIntegrationTests {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	@Autowired
	AccessEnds ends;

	@Autowired
	MutableClock clock;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockProvider locks;

	@Test
	void endsARoleInTheFirstRoundAfterMidnightOfItsLastDay() {
		Clinic clinic = this.organisation.clinic();
		long person = this.organisation.person("Mia Midnight", clinic.email("midnight"));
		this.organisation.grant(person, Role.RECEPTIONIST, clinic.waitingArea());
		LocalDate today = LocalDate.now(this.clock.withZone(SYDNEY));
		this.jdbc.sql("update role_grant set access_until = ? where account_id = ?").params(today, person).update();

		runRound();
		assertThat(holds(person)).as("on its last day").isTrue();

		this.clock.advance(Duration.between(this.clock.instant(),
				today.plusDays(1).atStartOfDay(SYDNEY).toInstant().plusSeconds(1)));
		runRound();

		assertThat(holds(person)).as("after midnight").isFalse();
	}

	/**
	 * A round, once no other is running: the suite's other application contexts share the
	 * database, so their scheduled rounds (at 15 s past each quarter hour) hold the same
	 * lock, and a round started meanwhile would do nothing.
	 */
	private void runRound() {
		await().atMost(Duration.ofMinutes(2)).until(() -> {
			Optional<SimpleLock> free = this.locks
				.lock(new LockConfiguration(Instant.now(), AccessEnds.LOCK, Duration.ofMinutes(1), Duration.ZERO));
			free.ifPresent(SimpleLock::unlock);
			return free.isPresent();
		});
		this.ends.run();
	}

	private boolean holds(long person) {
		return this.jdbc.sql("select exists (select 1 from role_grant where account_id = ?)")
			.param(person)
			.query(Boolean.class)
			.single();
	}

}
