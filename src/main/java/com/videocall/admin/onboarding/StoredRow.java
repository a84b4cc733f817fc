package com.videocall.admin.onboarding;

/**
 * A row as stored: its cells, what the preview decided, and what the import did (null:
 * not yet).
 */
public record StoredRow(ImportRow row, RowOutcome planned, RowOutcome result) {

	/**
	 * Imported with another outcome than the preview showed: the person's situation
	 * changed.
	 */
	public boolean changed() {
		return this.result != null && this.result != this.planned;
	}

}
