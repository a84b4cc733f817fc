package com.videocall.admin.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * What an entry's hash covers besides its id and the previous hash: everything the trail
 * keeps of it. The kind is text, as stored: a kind that no version of the application
 * wrote is a change the integrity check reports, not an error. Times are kept to the
 * microsecond and areas in id order, as the database returns them, so that the hash
 * computed before writing is the one computed from what was written.
 */
public record EntryContent(String kind, Instant at, Long actorId, Long personId, Long invitationId, String sourcePage,
		Long reference, String detail, List<AreaRoles> areas) {

	public EntryContent {
		at = at.truncatedTo(ChronoUnit.MICROS);
		areas = areas.stream().sorted(Comparator.comparingLong(AreaRoles::areaId)).toList();
	}

}
