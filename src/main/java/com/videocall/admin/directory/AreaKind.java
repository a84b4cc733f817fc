package com.videocall.admin.directory;

/** The three kinds of place that hold people; {@code path} is the kind's URL segment. */
public enum AreaKind {

	ORGANISATIONAL_UNIT("organisational-units"), WAITING_AREA("waiting-areas"), MEETING_ROOM("meeting-rooms");

	private final String path;

	AreaKind(String path) {
		this.path = path;
	}

	public String path() {
		return this.path;
	}

}
