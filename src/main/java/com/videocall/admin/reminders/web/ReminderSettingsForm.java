package com.videocall.admin.reminders.web;

import java.util.stream.Collectors;

import com.videocall.admin.reminders.ReminderSchedule;

/**
 * The Invitation Reminders form (AR1) as sent: every value text, judged by
 * {@link ReminderSettingsController}.
 */
public record ReminderSettingsForm(String enabled, String days, String windowStart, String windowEnd, String version) {

	static ReminderSettingsForm of(ReminderSchedule schedule, Long version) {
		return new ReminderSettingsForm(schedule.enabled() ? "true" : null,
				schedule.days().stream().map(String::valueOf).collect(Collectors.joining(", ")),
				schedule.windowStart().format(ReminderSettingsController.TIME),
				schedule.windowEnd().format(ReminderSettingsController.TIME),
				(version != null) ? String.valueOf(version) : "");
	}

	public boolean isEnabled() {
		return "true".equals(this.enabled);
	}

	/** Null: the form was read while the unit inherited; negative: malformed. */
	Long expectedVersion() {
		if (this.version == null || this.version.isEmpty()) {
			return null;
		}
		return this.version.matches("[0-9]{1,18}") ? Long.parseLong(this.version) : -1L;
	}

}
