package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.directory.Role;

/**
 * One line of an invitation's history, with only the roles the reader may see. An entry
 * {@code byAnotherArea} was done by an administrator of areas outside the reader's scope:
 * it names neither them nor their page ({@code actor} and {@code sourcePage} are null).
 */
public record HistoryEntry(long id, HistoryType type, String actor, boolean byAnotherArea, Instant at,
		String sourcePage, List<RoleInArea> roles) {

	public static HistoryEntry of(long id, HistoryType type, String actor, Instant at, String sourcePage,
			List<RoleInArea> roles) {
		return new HistoryEntry(id, type, actor, false, at, sourcePage, roles);
	}

	/**
	 * Whether the system did it: an entry with neither actor nor another area's
	 * administrator behind it, other than the invitee's own.
	 */
	public boolean bySystem() {
		return this.actor == null && !this.byAnotherArea && this.type != HistoryType.LINK_REQUESTED
				&& this.type != HistoryType.ACCEPTED && this.type != HistoryType.DECLINED;
	}

	public static HistoryEntry byAnotherArea(long id, HistoryType type, Instant at) {
		return new HistoryEntry(id, type, null, true, at, null, List.of());
	}

	/**
	 * A role and the name of its area; for Change Roles whether it was added or removed
	 * ({@code change}, null for every other entry).
	 */
	public record RoleInArea(Role role, String areaName, Change change) {

		public RoleInArea(Role role, String areaName) {
			this(role, areaName, null);
		}

	}

	/** What Change Roles did to a role (LC4). */
	public enum Change {

		ADDED, REMOVED

	}

}
