package com.videocall.admin.invitation;

import com.videocall.admin.account.AccountUser;

/**
 * The administrator who changes an invitation, and the page they do it from, which the
 * history keeps (X3); or the system itself, for an automatic reminder (AR2), whose
 * {@code name} is whom the email names as inviter.
 */
public record Actor(long accountId, String name, String sourcePage) {

	private static final long SYSTEM = 0;

	/** An administrator acting from {@code sourcePage} (null: from no page of theirs). */
	public static Actor of(AccountUser administrator, String sourcePage) {
		return new Actor(administrator.accountId(), administrator.displayName(), sourcePage);
	}

	/** The system, sending on behalf of {@code inviterName} (null: "someone"). */
	static Actor system(String inviterName) {
		return new Actor(SYSTEM, inviterName, null);
	}

	/** Whether this is the system rather than an administrator. */
	public boolean isSystem() {
		return this.accountId == SYSTEM;
	}

}
