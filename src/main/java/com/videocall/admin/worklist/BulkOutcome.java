package com.videocall.admin.worklist;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bulk action of the Pending Invitations list did (P3): per invitation done, its
 * outcome ({@code T}: the invitee's email for a reminder, the {@link RemovalOutcome} for
 * a cancellation, which names the roles removed so that they can be put back), and how
 * many were skipped for each reason. A skipped invitation was not changed at all.
 */
public record BulkOutcome<T>(Map<Long, T> done, Map<Skip, Integer> skipped) {

	public static <T> BulkOutcome<T> empty() {
		return new BulkOutcome<>(new LinkedHashMap<>(), new EnumMap<>(Skip.class));
	}

	void skip(Skip reason) {
		this.skipped.merge(reason, 1, Integer::sum);
	}

	public int skippedCount() {
		return this.skipped.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Why an invitation was skipped. */
	public enum Skip {

		/** Reminded less than the reminder interval ago (X4). */
		TOO_SOON,
		/** Changed after the list was shown, or the form was sent again (X5). */
		CHANGED,
		/** Accepted or cancelled meanwhile, or no longer in scope. */
		NOT_PENDING

	}

}
