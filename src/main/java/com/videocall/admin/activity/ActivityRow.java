package com.videocall.admin.activity;

import java.time.Instant;
import java.util.List;

/**
 * One entry as its reader may see it (AC1, AC2): when, who did it, what (the kind as
 * stored, with its detail), the person it concerns, only the areas in the reader's scope
 * with their roles there, and the page it came from, which is left out when the entry
 * concerns an area outside the reader's scope (the page may name that area, as "Manage
 * Users: [area]" does).
 *
 * @param doer who did it: the system, the invitee (the person the invitation is for) or
 * the account named by {@code actorName}
 */
public record ActivityRow(long id, Instant at, String kind, Doer doer, String actorName, String personEmail,
		List<AreaInScope> areas, String sourcePage, String detail) {

	/** Who did what an entry records. */
	public enum Doer {

		SYSTEM, INVITEE, ACCOUNT

	}

	/**
	 * An area the entry concerns, with the roles it concerns there (none: done for it),
	 * named as the directory's {@code Role}s are, as the trail keeps them.
	 */
	public record AreaInScope(long id, String name, List<String> roles) {
	}

}
