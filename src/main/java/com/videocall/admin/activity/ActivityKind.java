package com.videocall.admin.activity;

/**
 * What an entry of the activity trail records (AC1). The names of the invitation's kinds
 * are those of the dialog's history ({@code invitation.HistoryType}), which reads them.
 * Entries of the kinds {@link #isAboutSigningIn() about signing in} concern no area: they
 * are read by System Administrators and by the person on their "Security" page (AC2).
 */
public enum ActivityKind {

	INVITED, ROLES_ADDED, ROLES_GRANTED, REMINDER_SENT, AUTOMATIC_REMINDER_SENT, ROLES_REMOVED,

	/**
	 * Change Roles (LC4): roles added and removed in one step, each stored marked
	 * ({@link StoredRole}).
	 */
	ROLES_CHANGED,

	CANCELLED, UNDONE, ACCEPTED, DECLINED, LINK_REQUESTED, REMINDER_SETTINGS_CHANGED, SECOND_FACTOR_RESET, EXPORTED,
	SIGNED_IN, SIGN_IN_REFUSED, SECOND_FACTOR_ADDED, SECOND_FACTOR_REMOVED, EXPIRED,

	/**
	 * A role's access ended at the end of its last day (LC1): a granted role taken away
	 * or an invited role removed from its invitation, by the system.
	 */
	ACCESS_ENDED,

	/** An administrator moved or cleared the end date of a role's access (LC1). */
	ACCESS_END_CHANGED,

	/**
	 * The personal data of ended invitations removed (LC3): one entry for a batch of
	 * them, the count as its detail, for the areas of their roles; about no one
	 * invitation (no history entry of its own).
	 */
	PERSONAL_DATA_REMOVED;

	/** Whether the kind is about a person signing in or their factors. */
	public boolean isAboutSigningIn() {
		return this == SIGNED_IN || this == SIGN_IN_REFUSED || this == SECOND_FACTOR_ADDED
				|| this == SECOND_FACTOR_REMOVED;
	}

	/** The message code of the kind's label on the Activity page. */
	public String labelCode() {
		return "activity.kind." + name();
	}

}
