package com.videocall.admin.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Page numbers in URLs count from 1 and are clamped, so a bad number never fails a page.
 */
public final class Paging {

	public static final int PAGE_SIZE = 20;

	private static final int MAX_PAGE = 100_000;

	private Paging() {
	}

	public static Pageable page(int oneBasedNumber) {
		return page(oneBasedNumber, PAGE_SIZE);
	}

	public static Pageable page(int oneBasedNumber, int size) {
		int number = Math.min(Math.max(oneBasedNumber, 1), MAX_PAGE);
		return PageRequest.of(number - 1, Math.min(Math.max(size, 1), 100));
	}

	/** A user's search text as a case-insensitive SQL LIKE pattern matching anywhere. */
	public static String containsPattern(String text) {
		String escaped = text.strip()
			.toLowerCase(java.util.Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
