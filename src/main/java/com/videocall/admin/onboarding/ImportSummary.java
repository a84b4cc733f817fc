package com.videocall.admin.onboarding;

/**
 * An upload: who made it, from which area's page (null: the Users list), its status, its
 * rows and how many of them are done.
 */
public record ImportSummary(long id, long administratorId, Long areaId, String fileName, Status status, int rowCount,
		int done) {

	public enum Status {

		PREVIEWED, IMPORTING, IMPORTED

	}

	public boolean isPreview() {
		return this.status == Status.PREVIEWED;
	}

	public boolean isImporting() {
		return this.status == Status.IMPORTING;
	}

}
