package com.videocall.admin.directory;

import java.util.Arrays;
import java.util.List;

/**
 * A role is held in one area of a given kind; one role per kind gives administrator
 * rights.
 */
public enum Role {

	ORGANISATION_ADMINISTRATOR(AreaKind.ORGANISATIONAL_UNIT, true),
	ORGANISATION_COORDINATOR(AreaKind.ORGANISATIONAL_UNIT, false),
	ORGANISATION_REPORTER(AreaKind.ORGANISATIONAL_UNIT, false), SERVICE_ADMINISTRATOR(AreaKind.WAITING_AREA, true),
	SERVICE_PROVIDER(AreaKind.WAITING_AREA, false), RECEPTIONIST(AreaKind.WAITING_AREA, false),
	MEETING_ROOM_ADMINISTRATOR(AreaKind.MEETING_ROOM, true), MEETING_ROOM_MEMBER(AreaKind.MEETING_ROOM, false);

	private final AreaKind areaKind;

	private final boolean administrator;

	Role(AreaKind areaKind, boolean administrator) {
		this.areaKind = areaKind;
		this.administrator = administrator;
	}

	public AreaKind areaKind() {
		return this.areaKind;
	}

	public boolean isAdministrator() {
		return this.administrator;
	}

	/** Key of the role's label in messages.properties, e.g. "Service Provider". */
	public String labelCode() {
		return "role." + name();
	}

	public static List<Role> of(AreaKind kind) {
		return Arrays.stream(values()).filter((role) -> role.areaKind == kind).toList();
	}

}
