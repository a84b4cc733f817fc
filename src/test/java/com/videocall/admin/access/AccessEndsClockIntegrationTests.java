package com.videocall.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
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

	@Test
	void endsARoleInTheFirstRoundAfterMidnightOfItsLastDay() {
		Clinic clinic = this.organisation.clinic();
		long person = this.organisation.person("Mia Midnight", clinic.email("midnight"));
		this.organisation.grant(person, Role.RECEPTIONIST, clinic.waitingArea());
		LocalDate today = LocalDate.now(this.clock.withZone(SYDNEY));
		this.jdbc.sql("update role_grant set access_until = ? where account_id = ?").params(today, person).update();

		this.ends.run();
		assertThat(holds(person)).as("on its last day").isTrue();

		this.clock.advance(Duration.between(this.clock.instant(),
				today.plusDays(1).atStartOfDay(SYDNEY).toInstant().plusSeconds(1)));
		this.ends.run();

		assertThat(holds(person)).as("after midnight").isFalse();
	}

	private boolean holds(long person) {
		return this.jdbc.sql("select exists (select 1 from role_grant where account_id = ?)")
			.param(person)
			.query(Boolean.class)
			.single();
	}

}
