package com.videocall.admin.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.videocall.admin.reminders.ReminderSchedule.Invitee;
import com.videocall.admin.reminders.ReminderSchedule.Next;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When automatic reminders fall due (AR2) at the edges: whole days after the invitation
 * in local time, the weekday window (start inclusive, end exclusive), weekends, the
 * reminder interval (X4), an expiring link, a job that was down, and the daylight-saving
 * changes of Australia/Sydney in April and October 2026.
 */
class ReminderScheduleTests {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	private static final ReminderSchedule SCHEDULE = new ReminderSchedule(true, List.of(10, 3), LocalTime.of(9, 0),
			LocalTime.of(17, 0));

	@Test
	void aStepIsDueItsDaysLaterAtTheSameLocalTimeInsideTheWindow() {
		// Monday 2 March 2026, 10:00 (AEDT): day 3 is Thursday 10:00.
		Invitee invitee = invitee(local("2026-03-02T10:00"), 0);
		assertThat(next(invitee)).contains(new Next(1, local("2026-03-05T10:00")));
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-05T09:59:59"), INTERVAL, SYDNEY)).isEmpty();
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-05T10:00"), INTERVAL, SYDNEY))
			.contains(new Next(1, local("2026-03-05T10:00")));
	}

	@Test
	void theWindowStartsAtItsStartAndEndsBeforeItsEnd() {
		assertThat(next(invitee(local("2026-03-02T08:59"), 0))).map(Next::at).contains(local("2026-03-05T09:00"));
		assertThat(next(invitee(local("2026-03-02T09:00"), 0))).map(Next::at).contains(local("2026-03-05T09:00"));
		assertThat(next(invitee(local("2026-03-02T16:59"), 0))).map(Next::at).contains(local("2026-03-05T16:59"));
		// Due at 17:00 sharp: outside, so Friday at the start.
		assertThat(next(invitee(local("2026-03-02T17:00"), 0))).map(Next::at).contains(local("2026-03-06T09:00"));
	}

	@Test
	void aReminderDueAtTheWeekendGoesOnMondayAtTheStart() {
		// Wednesday 4 March + 3 days = Saturday.
		assertThat(next(invitee(local("2026-03-04T12:00"), 0))).map(Next::at).contains(local("2026-03-09T09:00"));
		// Due Friday 23:30: Monday 09:00, not Saturday.
		assertThat(next(invitee(local("2026-03-03T23:30"), 0))).map(Next::at).contains(local("2026-03-09T09:00"));
	}

	@Test
	void aDueReminderWaitsWhileTheJobRunsOutsideTheWindow() {
		Invitee invitee = invitee(local("2026-03-03T10:00"), 0); // due Friday 6 March
																	// 10:00
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-07T10:00"), INTERVAL, SYDNEY)).isEmpty();
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-09T08:59"), INTERVAL, SYDNEY)).isEmpty();
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-09T09:00"), INTERVAL, SYDNEY)).map(Next::step).contains(1);
	}

	@Test
	void daysAreCalendarDaysAcrossTheStartOfDaylightSavingInOctober() {
		// Friday 2 October 2026 09:30 AEST (+10); clocks go forward on Sunday 4 October.
		Instant invited = local("2026-10-02T09:30");
		assertThat(invited).isEqualTo(Instant.parse("2026-10-01T23:30:00Z"));
		Instant due = next(invitee(invited, 0)).orElseThrow().at();
		// Monday 5 October 09:30 AEDT (+11): 71 hours later, not 72.
		assertThat(due).isEqualTo(Instant.parse("2026-10-04T22:30:00Z"));
		assertThat(Duration.between(invited, due)).isEqualTo(Duration.ofHours(71));
	}

	@Test
	void theWindowStartIsLocalTimeOnTheDayDaylightSavingStarts() {
		// Thursday 1 October 10:00 AEST: due Sunday 4 October (the change), so Monday
		// 09:00 AEDT.
		assertThat(next(invitee(local("2026-10-01T10:00"), 0))).map(Next::at)
			.contains(Instant.parse("2026-10-04T22:00:00Z"));
	}

	@Test
	void daysAreCalendarDaysAcrossTheEndOfDaylightSavingInApril() {
		// Friday 3 April 2026 09:30 AEDT (+11); clocks go back on Sunday 5 April.
		Instant invited = local("2026-04-03T09:30");
		assertThat(invited).isEqualTo(Instant.parse("2026-04-02T22:30:00Z"));
		Instant due = next(invitee(invited, 0)).orElseThrow().at();
		assertThat(due).isEqualTo(Instant.parse("2026-04-05T23:30:00Z"));
		assertThat(Duration.between(invited, due)).isEqualTo(Duration.ofHours(73));
	}

	@Test
	void theLocalDayDecidesNotTheUtcDay() {
		// 22:30 UTC on Sunday 1 March is Monday 2 March 09:30 in Sydney: a weekday.
		Instant invited = Instant.parse("2026-03-01T22:30:00Z");
		assertThat(next(invitee(invited, 0))).map(Next::at).contains(local("2026-03-05T09:30"));
		// 06:00 UTC on a Thursday is 17:00 in Sydney: the window has closed.
		assertThat(SCHEDULE.fit(Instant.parse("2026-03-05T05:59:00Z"), SYDNEY))
			.isEqualTo(Instant.parse("2026-03-05T05:59:00Z"));
		assertThat(SCHEDULE.fit(Instant.parse("2026-03-05T06:00:00Z"), SYDNEY)).isEqualTo(local("2026-03-06T09:00"));
	}

	@Test
	void theNextStepFollowsTheLastSentAndNoneFollowsTheLast() {
		Instant invited = local("2026-03-02T10:00");
		assertThat(next(invitee(invited, 1))).contains(new Next(2, local("2026-03-12T10:00")));
		assertThat(next(invitee(invited, 2))).isEmpty();
	}

	@Test
	void afterTheJobWasDownOverSeveralStepsOnlyTheLastIsSent() {
		Invitee invitee = invitee(local("2026-03-02T10:00"), 0);
		assertThat(SCHEDULE.dueAt(invitee, local("2026-03-13T11:00"), INTERVAL, SYDNEY))
			.contains(new Next(2, local("2026-03-13T11:00")));
	}

	@Test
	void aReminderWaitsForTheReminderIntervalX4() {
		Instant invited = local("2026-03-02T10:00");
		Invitee remindedJustBefore = new Invitee(1, invited, 0, local("2026-03-05T09:55"),
				invited.plus(Duration.ofDays(14)));
		assertThat(next(remindedJustBefore)).map(Next::at).contains(local("2026-03-05T10:05"));
		assertThat(SCHEDULE.dueAt(remindedJustBefore, local("2026-03-05T10:04"), INTERVAL, SYDNEY)).isEmpty();
	}

	@Test
	void noneForALinkThatExpiresFirst() {
		Instant invited = local("2026-03-02T10:00");
		Invitee expiring = new Invitee(1, invited, 0, null, local("2026-03-05T10:00"));
		assertThat(next(expiring)).isEmpty();
		assertThat(SCHEDULE.dueAt(expiring, local("2026-03-05T10:00"), INTERVAL, SYDNEY)).isEmpty();
	}

	@Test
	void noneWhenSwitchedOff() {
		ReminderSchedule off = new ReminderSchedule(false, List.of(3), LocalTime.of(9, 0), LocalTime.of(17, 0));
		assertThat(off.next(invitee(local("2026-03-02T10:00"), 0), INTERVAL, SYDNEY)).isEmpty();
		assertThat(ReminderSchedule.OFF.enabled()).isFalse();
	}

	private static Optional<Next> next(Invitee invitee) {
		return SCHEDULE.next(invitee, INTERVAL, SYDNEY);
	}

	private static Invitee invitee(Instant invitedAt, int lastStep) {
		return new Invitee(1, invitedAt, lastStep, null, invitedAt.plus(Duration.ofDays(14)));
	}

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(SYDNEY).toInstant();
	}

}
