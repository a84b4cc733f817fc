package com.videocall.admin.reminders;

import java.time.Instant;

/**
 * Sends one step of an invitation's automatic reminders (AR2) as the system, through the
 * same path as Send Reminder: implemented by the invitation module, which owns
 * invitations and their emails, and called by {@link AutomaticReminders}. It claims the
 * step ({@link ReminderSchedules#claim}) in the transaction that sends it.
 */
public interface ReminderSender {

	/** Whether it sent: nothing when the step is not due any more or was sent already. */
	boolean remindAutomatically(long invitationId, int step, Instant now);

}
