package com.videocall.admin.activity;

import java.time.Instant;

/**
 * The result of an integrity check of the activity trail (AC5), as System Administrators
 * read it: when it was checked (the trail as it was then), how many entries it read, and
 * where the chain breaks and why (both null: no entry changed). The fragment
 * {@code fragments/activity-integrity :: integrity(check)} shows it.
 */
public record IntegrityCheck(Instant checkedAt, long entriesChecked, Long brokenAtEntry, String problem) {

	public boolean broken() {
		return this.brokenAtEntry != null;
	}

}
