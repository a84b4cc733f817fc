package com.videocall.admin.activity;

import java.util.List;

/**
 * A page of Activity, newest first, and where the pages beside it start: "Older" after
 * the oldest row ({@code olderThan}), "Newer" before the newest ({@code newerThan}); null
 * where there is none.
 */
public record ActivityPage(List<ActivityRow> rows, Long olderThan, Long newerThan) {

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

}
