package com.videocall.admin.activity;

import java.time.Instant;
import java.util.Set;

/**
 * What the Activity page lists (AC3), each part null (or false) when not asked for: one
 * kind; who did it, by an account's email or {@code automatic} for the system; whom it
 * concerns, by an account's email; the areas, of which only those in the reader's scope
 * count; and the period, from {@code from} up to but not including {@code until}.
 */
public record ActivityQuery(ActivityKind kind, boolean automatic, String actorEmail, String personEmail,
		Set<Long> areaIds, Instant from, Instant until) {

	public ActivityQuery {
		areaIds = (areaIds != null) ? Set.copyOf(areaIds) : null;
	}

	/** Everything in scope. */
	public static ActivityQuery everything() {
		return new ActivityQuery(null, false, null, null, null, null, null);
	}

}
