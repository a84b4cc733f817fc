package com.videocall.admin.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic reminders going out (AR2): at the moment the schedule says, once however many
 * schedulers run at the same moment, through the outbox and the same path as Send
 * Reminder (history, email), respecting the reminder interval (X4), never for an expired
 * link; the schedule of the area of the earliest invited role applies; the Manage
 * Invitation dialog says what comes next. And a simulated month for one invitation.
 */
@IntegrationTest
class AutomaticRemindersIntegrationTests extends AdministratorPagesTest {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	@Autowired
	AutomaticReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoSchedulersAtTheSameMomentSendEachReminderOnceAR2() throws Exception {
		settings(this.clinic.unit(), "true", "3, 10");
		String invitee = this.clinic.email("twice");
		long invitation = this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		Instant due = this.reminders.next(invitation).orElseThrow();

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (Instant at : List.of(due, due.plusSeconds(1))) {
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Integer>> rounds = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					rounds.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return this.reminders.sendDue(at);
					}));
				}
				for (Future<Integer> round : rounds) {
					round.get(60, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		this.reminders.sendDue(due.plusSeconds(60));

		assertThat(automaticSteps(invitation)).containsExactly(1);
		assertThat(this.records.remindersSent(invitation)).isEqualTo(1);
		assertThat(this.records.events(invitation, "AUTOMATIC_REMINDER_SENT")).isEqualTo(1);
		// The invitation's email and one reminder, queued for the moment it was due.
		assertThat(this.records.emailsOf(invitation)).isEqualTo(2);
		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.select(".history .what").eachText()).contains("Automatic reminder sent");
		assertThat(dialog.select(".history li").last().select(".source")).isEmpty();
		// The email names the administrator who invited, through the outbox.
		assertThat(this.records.storedEmailsTo(invitee)).hasSize(2)
			.allSatisfy((email) -> assertThat(email.textBody()).contains("Admin " + this.clinic.tag()));
		// The automatic reminder too carries "This invitation isn't for me" (LC6).
		assertThat(this.records.storedEmailsTo(invitee).get(1).textBody()).contains("This invitation isn't for me: ",
				"/decline");
	}

	@Test
	void theDialogSaysWhenTheNextAutomaticReminderGoesOrThatNoneWill() throws Exception {
		String invitee = this.clinic.email("dialog");
		long invitation = this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.meetingRoom(),
				Role.MEETING_ROOM_MEMBER);
		assertThat(automaticLine(invitation)).isEqualTo("No automatic reminders");

		settings(this.clinic.unit(), "true", "2");
		assertThat(automaticLine(invitation)).startsWith("Next automatic reminder: ");
		assertThat(this.admin.open("/users/invitations/" + invitation).getElementById("automatic-reminder-rule").text())
			.isEqualTo("Following the Invitation Reminders that apply to " + this.clinic.meetingRoomName()
					+ ", the place of the earliest invited role.");
		Instant due = this.reminders.next(invitation).orElseThrow();
		assertThat(due).isAfterOrEqualTo(Instant.now().plus(Duration.ofHours(47)));

		assertThat(this.reminders.sendDue(due)).isGreaterThanOrEqualTo(1);
		// The only step went out: nothing follows.
		assertThat(automaticLine(invitation)).isEqualTo("No automatic reminders");
	}

	@Test
	void noneForAnExpiredLinkAR2() {
		settings(this.clinic.unit(), "true", "15");
		long invitation = this.invitations.pendingFor(this.clinic.email("expired"), this.clinic.adminEmail(),
				this.clinic.waitingArea(), Role.RECEPTIONIST);
		// Day 15 comes after the link's 14 days.
		assertThat(this.reminders.next(invitation)).isEmpty();
		for (int day = 14; day <= 20; day++) {
			this.reminders.sendDue(Instant.now().plus(Duration.ofDays(day)));
		}
		assertThat(this.records.remindersSent(invitation)).isZero();
		assertThat(automaticSteps(invitation)).isEmpty();
	}

	@Test
	void aRecentReminderPutsTheAutomaticOneOffX4() {
		settings(this.clinic.unit(), "true", "3");
		long invitation = this.invitations.pendingFor(this.clinic.email("recent"), this.clinic.adminEmail(),
				this.clinic.waitingArea(), Role.RECEPTIONIST);
		Instant due = this.reminders.next(invitation).orElseThrow();
		// An administrator reminded five minutes before it was due.
		this.jdbc.sql("update invitation set last_reminded_at = ?, reminders_sent = 1 where id = ?")
			.params(java.sql.Timestamp.from(due.minus(Duration.ofMinutes(5))), invitation)
			.update();
		assertThat(this.reminders.next(invitation)).contains(due.plus(Duration.ofMinutes(5)));
		this.reminders.sendDue(due);
		assertThat(this.records.remindersSent(invitation)).isEqualTo(1);
		this.reminders.sendDue(due.plus(Duration.ofMinutes(5)));
		assertThat(this.records.remindersSent(invitation)).isEqualTo(2);
	}

	@Test
	void theEarliestInvitedRolesAreaDecidesWhichSettingsApply() throws Exception {
		long otherUnit = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Other " + TestOrganisation.tag(), null);
		long otherArea = this.organisation.area(AreaKind.WAITING_AREA, "Other area " + TestOrganisation.tag(),
				otherUnit);
		this.jdbc.sql("""
				insert into reminder_schedule (area_id, enabled, days, window_start, window_end, changed_by, changed_at)
				values (?, true, '{7}', '00:00', '23:59', ?, now())
				""").params(otherUnit, this.clinic.admin()).update();
		settings(this.clinic.unit(), "true", "2");
		Instant invited = Instant.parse("2027-03-01T00:00:00Z"); // Monday 11:00 in Sydney
		long invitee = this.organisation.invitee(this.clinic.email("two-areas"));
		long invitation = this.organisation.invite(invitee, this.clinic.admin(), invited)
			.offering(Role.RECEPTIONIST, otherArea)
			.id();
		this.jdbc.sql("""
				insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
				values (?, 'SERVICE_PROVIDER', ?, 'WAITING_AREA', ?, ?)
				""")
			.params(invitation, this.clinic.waitingArea(), this.clinic.admin(),
					java.sql.Timestamp.from(invited.plusSeconds(60)))
			.update();
		// The other area's role came first: its unit's day 7, not this clinic's day 2.
		assertThat(this.reminders.next(invitation)).contains(invited.plus(Duration.ofDays(7)));
		// The clinic's administrator reads when, and that the settings of an area outside
		// their scope decide it, never its name.
		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.getElementById("automatic-reminder").text()).startsWith("Next automatic reminder: ");
		assertThat(dialog.getElementById("automatic-reminder-rule").text())
			.isEqualTo("Following the Invitation Reminders that apply to the place of the earliest invited role, "
					+ "which is not one of your areas.");
		assertThat(dialog.text()).doesNotContain("Other area");
	}

	/**
	 * A simulated month: an invitation on Thursday 1 October 2026 at 16:45 in Sydney,
	 * reminders after 3, 10 and 21 days on weekdays 09:00–17:00, the job run every 15
	 * minutes. Prints when each reminder went out.
	 */
	@Test
	void aSimulatedMonthAR2() {
		settings(this.clinic.unit(), "true", "3, 10, 21", "09:00", "17:00");
		Instant invited = local("2026-10-01T16:45");
		long invitee = this.organisation.invitee(this.clinic.email("month"));
		long invitation = this.organisation.invite(invitee, this.clinic.admin(), invited)
			.offering(Role.SERVICE_PROVIDER, this.clinic.waitingArea())
			.id();
		List<String> sent = new ArrayList<>();
		for (Instant now = invited; now
			.isBefore(invited.plus(Duration.ofDays(31))); now = now.plus(Duration.ofMinutes(15))) {
			int before = this.records.remindersSent(invitation);
			this.reminders.sendDue(now);
			if (this.records.remindersSent(invitation) > before) {
				sent.add(now.atZone(SYDNEY).format(DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm xxx")));
			}
		}
		System.out.println("Simulated month, invited Thu 1 Oct 2026 16:45 +10:00 (3, 10, 21 days; weekdays 09:00-17:00"
				+ ", Australia/Sydney), automatic reminders sent: " + sent);
		// Day 3 is Sunday 4 October (clocks go forward): Monday 09:00 AEDT. Day 10 is a
		// Sunday too. Day 21 is Thursday 22 October at 16:45, inside the window.
		assertThat(sent).containsExactly("Mon 5 Oct 2026 09:00 +11:00", "Mon 12 Oct 2026 09:00 +11:00",
				"Thu 22 Oct 2026 16:45 +11:00");
		assertThat(automaticSteps(invitation)).containsExactly(1, 2, 3);
	}

	private void settings(long unit, String enabled, String days) {
		settings(unit, enabled, days, "00:00", "23:59");
	}

	private void settings(long unit, String enabled, String days, String start, String end) {
		Long version = this.jdbc.sql("select version from reminder_schedule where area_id = ?")
			.param(unit)
			.query(Long.class)
			.optional()
			.orElse(null);
		try {
			assertThat(this.admin
				.post("/organisational-units/" + unit + "/reminders", "enabled", enabled, "days", days, "windowStart",
						start, "windowEnd", end, "version", (version != null) ? version.toString() : "")
				.getResponse()
				.getStatus()).isEqualTo(302);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String automaticLine(long invitation) throws Exception {
		return this.admin.open("/users/invitations/" + invitation).getElementById("automatic-reminder").text();
	}

	private List<Integer> automaticSteps(long invitation) {
		return this.jdbc.sql("select step from automatic_reminder where invitation_id = ? order by step")
			.param(invitation)
			.query(Integer.class)
			.list();
	}

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(SYDNEY).toInstant();
	}

}
