package com.videocall.admin.people;

import org.springframework.data.domain.Pageable;

/**
 * Where a page of the Users list is: its number, and, when the link that led there named
 * one, the id of the row just before it ({@code after}, from "Next") or just after it
 * ({@code before}, from "Previous"). With such a row the page is read from there in list
 * order instead of counting rows from the start. At most one of the two is set.
 */
public record ListPosition(Pageable pageable, Long after, Long before) {

	public ListPosition {
		before = (after != null) ? null : before;
	}

	public static ListPosition page(Pageable pageable) {
		return new ListPosition(pageable, null, null);
	}

	/** The row the page is read from, if any. */
	public Long key() {
		return (this.after != null) ? this.after : this.before;
	}

}
