package com.videocall.admin.onboarding.web;

import java.util.List;
import java.util.Map;

import com.videocall.admin.onboarding.ImportSummary;
import com.videocall.admin.onboarding.RowOutcome;

/**
 * What an upload's page shows: the upload, its counts by outcome (those with rows, in the
 * order of IM2), how many rows "Import [N] rows" imports, and the page of rows shown.
 */
public record ImportView(ImportSummary summary, Map<RowOutcome, Integer> counts, int page) {

	public List<Map.Entry<RowOutcome, Integer>> countsShown() {
		return this.counts.entrySet().stream().filter((entry) -> entry.getValue() > 0).toList();
	}

	/** Rows without a problem: what "Import [N] rows" imports. */
	public int importable() {
		return this.counts.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().isProblem())
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

	public int pages() {
		return Math.max(1,
				(this.summary.rowCount() + ImportController.ROWS_PER_PAGE - 1) / ImportController.ROWS_PER_PAGE);
	}

	int offset() {
		return (Math.min(this.page, pages()) - 1) * ImportController.ROWS_PER_PAGE;
	}

	/** How far an import got, in per cent, for the progress bar. */
	public int percentDone() {
		return this.summary.done() * 100 / this.summary.rowCount();
	}

}
