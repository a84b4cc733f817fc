package com.videocall.admin.worklist;

import java.util.Locale;

/**
 * The filters of the Pending Invitations list (P2), each with its URL value. Their
 * definitions, at the moment {@code now} and with the link of the newest email:
 * <ul>
 * <li>{@link #EXPIRING}: the link still works and stops within 3 days
 * ({@code now < expiry <= now + 3 days});</li>
 * <li>{@link #EXPIRED}: the link has stopped working ({@code expiry <= now});</li>
 * <li>{@link #EMAIL_FAILED}: the newest email the administrator may see failed;</li>
 * <li>{@link #NEVER_REMINDED}: no reminder was ever sent;</li>
 * <li>{@link #INVITER_GONE}: the person who invited one of the roles in scope no longer
 * holds administrator rights over that role's area, or their account is disabled;</li>
 * <li>{@link #CLOSING}: the invitation closes unless accepted within 7 days
 * ({@code now < closes <= now + 7 days}, LC2).</li>
 * </ul>
 */
public enum PendingFilter {

	ALL, EXPIRING, EXPIRED, EMAIL_FAILED, NEVER_REMINDED, INVITER_GONE, CLOSING;

	public String urlValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The filter named by a URL value; anything else is no filter. */
	public static PendingFilter parse(String value) {
		for (PendingFilter filter : values()) {
			if (filter.urlValue().equals(value)) {
				return filter;
			}
		}
		return ALL;
	}

}
