package com.videocall.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warnings that access ends (LC1): {@code app.access.warning-before} (7 days) ahead of
 * the end of the last day in app.time-zone, the person and the administrators of the area
 * (and only they) are emailed, once per role and end date; access already over is not
 * warned of after downtime.
 */
@IntegrationTest
class AccessWarningsIntegrationTests extends AdministratorPagesTest {

	@Autowired
	AccessWarnings warnings;

	@Autowired
	JdbcClient jdbc;

	long grantUntil(String name, String email, LocalDate until) {
		long person = this.organisation.person(name, email);
		this.organisation.grant(person, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		this.jdbc.sql("update role_grant set access_until = ? where account_id = ?").params(until, person).update();
		return person;
	}

	long grantId(long person) {
		return this.jdbc.sql("select id from role_grant where account_id = ?").param(person).query(Long.class).single();
	}

	/** Recipient and subject of each warning queued for the grant. */
	List<String> warningsOf(long person) {
		return this.jdbc.sql("select recipient || ': ' || subject from outbound_email where topic = ? order by id")
			.param("access-warning:" + grantId(person))
			.query(String.class)
			.list();
	}

	@Test
	void warnsThePersonAndTheAreasAdministratorsOnlySevenDaysBeforeTheEndOfTheLastDay() {
		// The week before crosses the end of daylight saving (4 Apr 2027): the end of 10
		// Apr is 14:00 UTC, and 7 days before it 14:00 UTC on 3 Apr.
		LocalDate until = LocalDate.of(2027, 4, 10);
		String email = this.clinic.email("warned");
		long person = grantUntil("Wanda Warned", email, until);
		String serviceAdmin = this.clinic.email("service.admin");
		this.organisation.grant(this.organisation.person("Sam Service", serviceAdmin), Role.SERVICE_ADMINISTRATOR,
				this.clinic.waitingArea());
		String roomAdmin = this.clinic.email("room.admin");
		this.organisation.grant(this.organisation.person("Rita Room", roomAdmin), Role.MEETING_ROOM_ADMINISTRATOR,
				this.clinic.meetingRoom());
		String disabledAdmin = this.clinic.email("disabled.admin");
		this.organisation.grant(this.organisation.person("Dora Disabled", disabledAdmin, AccountStatus.DISABLED),
				Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		Clinic other = this.organisation.clinic();

		this.warnings.warnDue(Instant.parse("2027-04-03T13:59:59Z"));
		assertThat(warningsOf(person)).as("a second too early").isEmpty();
		this.warnings.warnDue(Instant.parse("2027-04-03T14:00:00Z"));

		String name = this.clinic.waitingAreaName();
		assertThat(warningsOf(person)).containsExactlyInAnyOrder(
				email + ": Your access to " + name + " ends on 10 Apr 2027.",
				this.clinic.adminEmail() + ": Wanda Warned's access to " + name + " ends on 10 Apr 2027.",
				serviceAdmin + ": Wanda Warned's access to " + name + " ends on 10 Apr 2027.");
		assertThat(warningsOf(person)).noneMatch((warning) -> warning.startsWith(other.adminEmail()));
		String text = this.jdbc.sql("select text_body from outbound_email where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(text)
			.contains("Role: Service Provider. Access ends at the end of that day (Australia/Sydney time).");
	}

	@Test
	void warnsOncePerRoleAndEndDateHoweverOftenItRuns() {
		LocalDate until = LocalDate.of(2027, 7, 20);
		long person = grantUntil("Olive Once", this.clinic.email("once"), until);

		assertThat(this.warnings.warnDue(Instant.parse("2027-07-14T00:00:00Z"))).isPositive();
		this.warnings.warnDue(Instant.parse("2027-07-14T00:15:00Z"));
		this.warnings.warnDue(Instant.parse("2027-07-20T13:00:00Z"));

		assertThat(warningsOf(person)).hasSize(2);

		// A new end date may be warned of again.
		this.jdbc.sql("update role_grant set access_until = ?, access_warned_at = null where account_id = ?")
			.params(LocalDate.of(2027, 7, 25), person)
			.update();
		this.warnings.warnDue(Instant.parse("2027-07-20T13:00:00Z"));

		assertThat(warningsOf(person)).hasSize(4);
	}

	@Test
	void warnsOfNoAccessThatHasEndedAlreadyWhenItCatchesUp() {
		long ended = grantUntil("Ed Ended", this.clinic.email("ended"), LocalDate.of(2027, 8, 1));
		long endsToday = grantUntil("Tess Today", this.clinic.email("today"), LocalDate.of(2027, 8, 2));

		// 2 Aug 2027, 10:00 in Sydney: 1 Aug is over, 2 Aug is not.
		this.warnings.warnDue(Instant.parse("2027-08-02T00:00:00Z"));

		assertThat(warningsOf(ended)).isEmpty();
		assertThat(warningsOf(endsToday)).hasSize(2);
	}

}
