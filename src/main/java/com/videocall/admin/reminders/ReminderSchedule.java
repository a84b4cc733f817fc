package com.videocall.admin.reminders;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A unit's automatic reminder settings (AR1) and when they remind (AR2): step {@code n}
 * is due {@code days[n-1]} calendar days after the invitation, at the same local time,
 * moved to the window's start when that is outside the window (Monday to Friday, from
 * {@code windowStart} inclusive to {@code windowEnd} exclusive, local time in the
 * configured zone). Days are ascending.
 */
public record ReminderSchedule(boolean enabled, List<Integer> days, LocalTime windowStart, LocalTime windowEnd) {

	/** What applies where no unit above has its own settings: off. */
	public static final ReminderSchedule OFF = new ReminderSchedule(false, List.of(3, 10), LocalTime.of(9, 0),
			LocalTime.of(17, 0));

	public ReminderSchedule {
		days = days.stream().sorted().distinct().toList();
	}

	/**
	 * The moment step {@code step} (1-based) falls due, already fitted into the window.
	 */
	Instant due(Instant invitedAt, int step, ZoneId zone) {
		ZonedDateTime raw = invitedAt.atZone(zone).plusDays(this.days.get(step - 1));
		return fit(raw.toInstant(), zone);
	}

	/**
	 * The moment itself when it lies in the window, otherwise the next window's start.
	 */
	Instant fit(Instant moment, ZoneId zone) {
		ZonedDateTime local = moment.atZone(zone);
		if (isWeekday(local) && !local.toLocalTime().isBefore(this.windowStart)
				&& local.toLocalTime().isBefore(this.windowEnd)) {
			return moment;
		}
		java.time.LocalDate date = local.toLocalDate();
		if (!isWeekday(local) || !local.toLocalTime().isBefore(this.windowStart)) {
			date = date.plusDays(1);
		}
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		return ZonedDateTime.of(date, this.windowStart, zone).toInstant();
	}

	private static boolean isWeekday(ZonedDateTime local) {
		return local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The next automatic reminder of an invitation, if any: the step after
	 * {@code lastStep}, no earlier than the reminder interval allows (X4), and only while
	 * the newest link still works at that moment.
	 */
	Optional<Next> next(Invitee invitee, Duration interval, ZoneId zone) {
		if (!this.enabled || invitee.lastStep() >= this.days.size()) {
			return Optional.empty();
		}
		int step = invitee.lastStep() + 1;
		Instant at = due(invitee.invitedAt(), step, zone);
		if (invitee.lastRemindedAt() != null && at.isBefore(invitee.lastRemindedAt().plus(interval))) {
			at = fit(invitee.lastRemindedAt().plus(interval), zone);
		}
		if (!at.isBefore(invitee.linkExpiresAt())) {
			return Optional.empty();
		}
		return Optional.of(new Next(step, at));
	}

	/**
	 * The step to send at {@code now}, if one is due: the last step already due (when the
	 * job was down over several, only one reminder goes), only inside the window, after
	 * the reminder interval (X4) and while the newest link works.
	 */
	Optional<Next> dueAt(Invitee invitee, Instant now, Duration interval, ZoneId zone) {
		Optional<Next> next = next(invitee, interval, zone);
		if (next.isEmpty() || next.get().at().isAfter(now) || !fit(now, zone).equals(now)
				|| !now.isBefore(invitee.linkExpiresAt())) {
			return Optional.empty();
		}
		int step = next.get().step();
		while (step < this.days.size() && !due(invitee.invitedAt(), step + 1, zone).isAfter(now)) {
			step++;
		}
		return Optional.of(new Next(step, now));
	}

	/** What decides an invitation's automatic reminders. */
	record Invitee(long invitationId, Instant invitedAt, int lastStep, Instant lastRemindedAt, Instant linkExpiresAt) {
	}

	/** A step and when it goes out. */
	record Next(int step, Instant at) {
	}

}
