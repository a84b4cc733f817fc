package com.videocall.admin.activity;

/**
 * Where a page of Activity starts (AC3), by keyset rather than by number, so that a deep
 * page costs what the first does and entries written meanwhile neither repeat nor skip a
 * row: the newest entries, those older than an entry ({@code before}) or those newer than
 * one ({@code after}).
 */
public record ActivityPosition(Long before, Long after) {

	public static final ActivityPosition NEWEST = new ActivityPosition(null, null);

	public static ActivityPosition before(long id) {
		return new ActivityPosition(id, null);
	}

	public static ActivityPosition after(long id) {
		return new ActivityPosition(null, id);
	}

	boolean newerFirst() {
		return this.after == null;
	}

}
