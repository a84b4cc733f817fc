package com.videocall.admin.people;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list too large to count on every request: its results are counted up to
 * {@link #COUNT_LIMIT}, and beyond that the page only knows there are more ("More than
 * 1,000 results"). Whether a next page exists is told by the list (which reads one row
 * more than it shows), so paging works however long the list is. A page that was not
 * counted at all (the list behind a dialog) shows no count.
 */
public final class CappedPage<T> extends PageImpl<T> {

	/** Results counted exactly; the count reads at most one row more than this. */
	public static final int COUNT_LIMIT = 1_000;

	private final boolean counted;

	private final boolean more;

	private final boolean hasNext;

	private CappedPage(List<T> rows, Pageable pageable, long total, boolean counted, boolean more, boolean hasNext) {
		super(rows, pageable, total);
		this.counted = counted;
		this.more = more;
		this.hasNext = hasNext;
	}

	/**
	 * The page of {@code rows}, followed by more when {@code hasNext}, with the count of
	 * up to {@code COUNT_LIMIT + 1} results.
	 */
	public static <T> CappedPage<T> of(List<T> rows, boolean hasNext, Pageable pageable, long cappedCount) {
		return new CappedPage<>(rows, pageable, Math.min(cappedCount, COUNT_LIMIT), true, cappedCount > COUNT_LIMIT,
				hasNext);
	}

	/**
	 * A page whose count is known without counting: beyond {@code COUNT_LIMIT} results
	 * there are more than that.
	 */
	public static <T> CappedPage<T> beyondCountLimit(List<T> rows, boolean hasNext, Pageable pageable) {
		return new CappedPage<>(rows, pageable, COUNT_LIMIT, true, true, hasNext);
	}

	/** A page shown without its count. */
	public static <T> CappedPage<T> uncounted(List<T> rows, boolean hasNext, Pageable pageable) {
		return new CappedPage<>(rows, pageable, pageable.getOffset() + rows.size(), false, false, hasNext);
	}

	/** Whether the list was counted (exactly, or as more than {@code COUNT_LIMIT}). */
	public boolean isCounted() {
		return this.counted;
	}

	/**
	 * Whether there are more than {@code COUNT_LIMIT} results, so the total is not shown.
	 */
	public boolean isMoreThanCountLimit() {
		return this.more;
	}

	public int getCountLimit() {
		return COUNT_LIMIT;
	}

	/** The number of pages, when the total is known; 0 when it is not. */
	@Override
	public int getTotalPages() {
		return (this.counted && !this.more) ? super.getTotalPages() : 0;
	}

	@Override
	public boolean hasNext() {
		return this.hasNext;
	}

	@Override
	public boolean isLast() {
		return !this.hasNext;
	}

}
