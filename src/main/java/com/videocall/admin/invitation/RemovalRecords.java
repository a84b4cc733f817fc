package com.videocall.admin.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a removal of roles is kept so that the banner's Undo can put it back (UN). The
 * undo module keeps these records; this module opens one with each removal, or adds to
 * the one a bulk action opened, in the removal's transaction, and puts roles back when
 * the undo module asks ({@link InvitationManagement#restore}).
 */
public interface RemovalRecords {

	/** Records what the removals took: the id the Undo button sends, and until when. */
	Opened open(long by, Instant now, Duration window, List<Removal> removals);

	/**
	 * Adds one more removal to a record the same administrator opened (a bulk action's
	 * later rows, each committed on its own): one Undo puts them all back.
	 */
	Opened add(long recordId, long by, Removal removal);

	/** The roles one invitation lost, and the version the removal left it at. */
	record Removal(long invitationId, long versionAfter, List<RemovedRole> roles) {
	}

	/** A record Undo can use: its id, and the end of its window. */
	record Opened(long id, Instant until) {
	}

}
