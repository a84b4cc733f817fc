package com.videocall.admin.reminders;

import java.time.Instant;

/**
 * An administrator changed a unit's automatic reminder settings (AR1): its own
 * {@code schedule} now, or null when the unit inherits again. Published in the
 * transaction of the change, for the activity trail.
 */
public record ReminderSettingsChanged(long unitId, long byAccountId, ReminderSchedule schedule, Instant at) {
}
