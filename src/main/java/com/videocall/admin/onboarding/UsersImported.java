package com.videocall.admin.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * An import ended (IM3), published in the transaction that ended it, once: by the
 * administrator who imported, from the page {@code sourcePage}; {@code imported} of its
 * {@code rows} rows were imported, into {@code areaIds}. The activity trail records it
 * ("Users imported"); each row's own changes were recorded as Add Users' already.
 */
public record UsersImported(long importId, long byAccountId, String sourcePage, Instant at, int rows, int imported,
		List<Long> areaIds) {

	public UsersImported {
		areaIds = List.copyOf(areaIds);
	}

}
