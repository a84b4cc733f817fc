package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.videocall.admin.directory.Role;
import com.videocall.admin.mail.EmailDelivery;
import com.videocall.admin.reminders.AutomaticReminders.Planned;

/**
 * The Manage Invitation dialog's content (M1) for one administrator: only roles, history
 * and "invited by" inside that administrator's scope; the next automatic reminder, if one
 * will go out; when it closes unless accepted (LC2).
 */
public record InvitationView(long id, long version, long accountId, String email, InvitationStatus status,
		Instant invitedAt, String invitedBy, int remindersSent, Instant lastSentAt, Instant linkExpiresAt,
		boolean linkExpired, Instant nextReminderAt, boolean reminderAllowedNow, List<RoleLine> roles,
		List<HistoryEntry> history, List<EmailDelivery> emails, Optional<Planned> automaticReminder, Instant closesAt) {

	public boolean isPending() {
		return this.status == InvitationStatus.PENDING;
	}

	/**
	 * An invited role in scope, as a row of the dialog, with the last day of its access
	 * (null: no end).
	 */
	public record RoleLine(long id, Role role, long areaId, String areaName, Instant invitedAt, String invitedBy,
			LocalDate accessUntil) {
	}

}
