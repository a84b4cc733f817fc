package com.videocall.admin.directory;

/**
 * The three kinds of place that hold people: {@code path} is the kind's URL segment, and
 * each kind's people list is "Manage Administrators" for a unit, "Manage Users"
 * otherwise.
 */
public enum AreaKind {

	ORGANISATIONAL_UNIT("organisational-units", "administrators", "area.manageAdministrators"),
	WAITING_AREA("waiting-areas", "users", "area.manageUsers"),
	MEETING_ROOM("meeting-rooms", "users", "area.manageUsers");

	private final String path;

	private final String peopleSegment;

	private final String peopleTitleCode;

	AreaKind(String path, String peopleSegment, String peopleTitleCode) {
		this.path = path;
		this.peopleSegment = peopleSegment;
		this.peopleTitleCode = peopleTitleCode;
	}

	public String path() {
		return this.path;
	}

	/** Message key of the title of this kind's people list. */
	public String peopleTitleCode() {
		return this.peopleTitleCode;
	}

	/** The URL path of an area's people list, e.g. {@code /waiting-areas/5/users}. */
	public String peoplePath(long areaId) {
		return "/" + this.path + "/" + areaId + "/" + this.peopleSegment;
	}

}
