package com.videocall.admin.worklist;

/**
 * What the Pending Invitations list shows: a search by name or email, one filter, one
 * area (null: every area in scope) and an order (P1, P2).
 */
public record PendingQuery(String search, PendingFilter filter, Long areaId, PendingSort sort) {

	public PendingQuery {
		search = (search != null) ? search : "";
		filter = (filter != null) ? filter : PendingFilter.ALL;
		sort = (sort != null) ? sort : PendingSort.INVITED;
	}

	public static PendingQuery all() {
		return new PendingQuery("", PendingFilter.ALL, null, PendingSort.INVITED);
	}

}
