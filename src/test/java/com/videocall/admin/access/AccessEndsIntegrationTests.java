package com.videocall.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of access (LC1): a role's access lasts to the end of its last day in
 * app.time-zone (Australia/Sydney here), daylight saving included, and is ended once,
 * however many rounds run at once; an invited role leaves its invitation, which is
 * cancelled when nothing remains. The job is called with the moments to test, as the
 * scheduler would call it then.
 */
@IntegrationTest
class AccessEndsIntegrationTests extends AdministratorPagesTest {

	@Autowired
	AccessEnds ends;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitees invitees;

	long grantUntil(String who, LocalDate until) {
		long person = this.organisation.person("Tim " + who, this.clinic.email(who));
		this.organisation.grant(person, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		this.jdbc.sql("update role_grant set access_until = ? where account_id = ?").params(until, person).update();
		return person;
	}

	boolean holds(long person) {
		return this.jdbc.sql("select exists (select 1 from role_grant where account_id = ?)")
			.param(person)
			.query(Boolean.class)
			.single();
	}

	List<String> endedEntries(long person) {
		return this.jdbc.sql("""
				select e.kind || ' ' || coalesce(e.actor_id::text, 'automatic') || ' ' || x.area_id || ' '
				       || array_to_string(x.roles, ',')
				from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.person_id = ? and e.kind = 'ACCESS_ENDED' order by e.id
				""").param(person).query(String.class).list();
	}

	/**
	 * The last moment of the last day and the first after it, in UTC: a day of 24 hours;
	 * the day daylight saving ends (25 hours: a day counted as 24 hours from its start
	 * would end an hour early); the day it starts (23 hours).
	 */
	@ParameterizedTest
	@CsvSource({ "2027-03-10, 2027-03-10T12:59:59Z, 2027-03-10T13:00:00Z",
			"2027-04-04, 2027-04-04T13:59:59Z, 2027-04-04T14:00:00Z",
			"2027-10-03, 2027-10-03T12:59:59Z, 2027-10-03T13:00:00Z" })
	void endsAGrantedRoleAtTheEndOfItsLastDayInTheTimeZone(LocalDate until, Instant lastMoment, Instant dayAfter) {
		long person = grantUntil("ends." + until, until);

		this.ends.endDue(until.minusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
		this.ends.endDue(lastMoment);
		assertThat(holds(person)).as("on its last day").isTrue();

		this.ends.endDue(dayAfter);

		assertThat(holds(person)).as("the day after").isFalse();
		assertThat(endedEntries(person)).containsExactly(
				"ACCESS_ENDED automatic " + this.clinic.waitingArea() + " " + Role.SERVICE_PROVIDER.name());
	}

	@Test
	void endsEachRoleOnceWhenTwoRoundsRunAtOnce() throws Exception {
		LocalDate until = LocalDate.of(2027, 5, 20);
		long person = grantUntil("twice", until);
		Invitee invitee = this.invitees.pendingFor(this.clinic, "twice.invited",
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(), until),
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		Instant after = Instant.parse("2027-05-20T14:00:00Z");

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<AccessEnds.Ended>> rounds = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				rounds.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.ends.endDue(after);
				}));
			}
			for (Future<AccessEnds.Ended> round : rounds) {
				round.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		this.ends.endDue(after.plusSeconds(900));

		assertThat(holds(person)).isFalse();
		assertThat(endedEntries(person)).hasSize(1);
		assertThat(this.invitees.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ACCESS_ENDED);
		assertThat(this.records.roles(invitee.invitation()))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.status(invitee.invitation())).isEqualTo("PENDING");
	}

	@Test
	void cancelsAnInvitationWhoseLastRoleEndsBeforeItIsAccepted() throws Exception {
		LocalDate until = LocalDate.of(2027, 6, 1);
		Invitee invitee = this.invitees.pendingFor(this.clinic, "never.accepted",
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(), until));

		this.ends.endDue(Instant.parse("2027-06-01T13:59:59Z"));
		assertThat(this.records.status(invitee.invitation())).as("on its last day").isEqualTo("PENDING");
		this.ends.endDue(Instant.parse("2027-06-01T14:00:00Z"));

		assertThat(this.records.status(invitee.invitation())).isEqualTo("CANCELLED");
		assertThat(this.invitees.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ACCESS_ENDED,
				HistoryType.CANCELLED);
		assertThat(this.jdbc.sql("select count(*) from activity_entry where invitation_id = ? and actor_id is null")
			.param(invitee.invitation())
			.query(Long.class)
			.single()).as("done by the system").isEqualTo(2);
		Document dialog = this.admin.open("/users/invitations/" + invitee.invitation());
		assertThat(dialog.select(".history .what").eachText()).containsSubsequence("Access ended",
				"Invitation cancelled by the system");
	}

}
