package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.directory.Role;

/** One line of an invitation's history, with only the roles the reader may see. */
public record HistoryEntry(HistoryType type, String actor, Instant at, String sourcePage, List<RoleInArea> roles) {

	/** A role and the name of its area. */
	public record RoleInArea(Role role, String areaName) {
	}

}
