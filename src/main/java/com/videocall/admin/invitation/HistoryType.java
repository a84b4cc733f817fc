package com.videocall.admin.invitation;

/** What an entry of an invitation's history records (X3). */
public enum HistoryType {

	INVITED, ROLES_ADDED, REMINDER_SENT, ROLES_REMOVED, CANCELLED, ACCEPTED, LINK_REQUESTED, UNDONE, DECLINED,

	/** Change Roles (LC4): its roles are each marked added or removed. */
	ROLES_CHANGED,

	/**
	 * A reminder the system sent by itself (AR2). Stored as {@code REMINDER_SENT} without
	 * an actor, so every rule about reminders (X4, "last reminder", "Never reminded")
	 * counts it as the reminder it is.
	 */
	AUTOMATIC_REMINDER_SENT,

	/** The invitation closed unaccepted at the end of its lifetime (LC2); no actor. */
	EXPIRED,

	/** Invited roles whose last day passed, removed by the system (LC1). */
	ACCESS_ENDED,

	/** An administrator moved or cleared the end date of invited roles (LC1). */
	ACCESS_END_CHANGED

}
