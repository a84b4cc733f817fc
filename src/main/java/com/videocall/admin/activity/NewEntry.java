package com.videocall.admin.activity;

import java.time.Instant;
import java.util.List;

/**
 * An entry of the activity trail before it is chained: what happened, when, who did it
 * ({@code actorId}; null: the system), whom it concerns ({@code personId}), the
 * invitation, the page it came from, the acting module's {@code reference} for it (see
 * {@code activity_entry.reference}), a short {@code detail} without personal data, and
 * the areas.
 */
record NewEntry(ActivityKind kind, Instant at, Long actorId, Long personId, Long invitationId, String sourcePage,
		Long reference, String detail, List<AreaRoles> areas) {

	EntryContent content() {
		return new EntryContent(this.kind.name(), this.at, this.actorId, this.personId, this.invitationId,
				this.sourcePage, this.reference, this.detail, this.areas);
	}

}
