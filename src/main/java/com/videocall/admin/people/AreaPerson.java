package com.videocall.admin.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;

/**
 * A person in one area's list (O2): the roles they hold there, or, when pending, the
 * roles they are invited to there, when ({@code invitedAt}), and the invitation with the
 * version that the action menu's forms send back; the last day of each role's access
 * where it ends (LC1).
 */
public record AreaPerson(long id, String displayName, String email, AccountStatus status, List<Role> roles,
		Map<Role, LocalDate> accessUntil, Instant invitedAt, long invitationId, long invitationVersion) {

	public boolean isPending() {
		return this.invitedAt != null;
	}

}
