package com.videocall.admin.activity;

/**
 * A role as an entry's area stores it ({@link AreaRoles}): the name of the directory's
 * {@code Role}, which entries of the kind {@link ActivityKind#ROLES_CHANGED} mark
 * {@code +} when it was added and {@code -} when it was removed, so that one entry says
 * both in the same area. The one place that writes and reads the mark.
 */
public record StoredRole(String role, Change change) {

	private static final String ADDED = "+";

	private static final String REMOVED = "-";

	/** Added or removed by Change Roles; NONE for every other entry's roles. */
	public enum Change {

		NONE, ADDED, REMOVED

	}

	static String added(String role) {
		return ADDED + role;
	}

	static String removed(String role) {
		return REMOVED + role;
	}

	public static StoredRole parse(String stored) {
		if (stored.startsWith(ADDED)) {
			return new StoredRole(stored.substring(ADDED.length()), Change.ADDED);
		}
		if (stored.startsWith(REMOVED)) {
			return new StoredRole(stored.substring(REMOVED.length()), Change.REMOVED);
		}
		return new StoredRole(stored, Change.NONE);
	}

}
