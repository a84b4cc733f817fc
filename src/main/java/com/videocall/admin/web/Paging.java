package com.videocall.admin.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Page numbers in URLs count from 1 and are clamped, so a bad number never fails a page.
 */
public final class Paging {

	public static final int PAGE_SIZE = 20;

	public static final int MAX_PAGE = 100_000;

	private Paging() {
	}

	public static Pageable page(int oneBasedNumber) {
		return page(oneBasedNumber, PAGE_SIZE);
	}

	public static Pageable page(int oneBasedNumber, int size) {
		return PageRequest.of(pageNumber(oneBasedNumber) - 1, Math.min(Math.max(size, 1), 100));
	}

	/** The page number clamped to the pages there can be (1 to {@value #MAX_PAGE}). */
	public static int pageNumber(int oneBasedNumber) {
		return Math.min(Math.max(oneBasedNumber, 1), MAX_PAGE);
	}

}
