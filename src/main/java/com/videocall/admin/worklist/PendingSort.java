package com.videocall.admin.worklist;

/**
 * The orders of the Pending Invitations list (P1): newest invitation first, oldest first,
 * or the link that expires soonest first.
 */
public enum PendingSort {

	INVITED("invited", "p.invited_at desc, p.id desc"), INVITED_OLDEST("invited-oldest", "p.invited_at, p.id"),
	EXPIRY("expiry", "p.expires_at, p.id");

	private final String urlValue;

	private final String orderBy;

	PendingSort(String urlValue, String orderBy) {
		this.urlValue = urlValue;
		this.orderBy = orderBy;
	}

	public String urlValue() {
		return this.urlValue;
	}

	String orderBy() {
		return this.orderBy;
	}

	public static PendingSort parse(String value) {
		for (PendingSort sort : values()) {
			if (sort.urlValue.equals(value)) {
				return sort;
			}
		}
		return INVITED;
	}

}
