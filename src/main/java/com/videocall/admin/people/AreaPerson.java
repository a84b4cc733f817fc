package com.videocall.admin.people;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;

/**
 * A person in one area's list (O2): the roles they hold there, or, when pending, the
 * roles they are invited to there, when ({@code invitedAt}), and the invitation with the
 * version that the action menu's forms send back.
 */
public record AreaPerson(long id, String displayName, String email, AccountStatus status, List<Role> roles,
		Instant invitedAt, long invitationId, long invitationVersion) {

	public boolean isPending() {
		return this.invitedAt != null;
	}

}
