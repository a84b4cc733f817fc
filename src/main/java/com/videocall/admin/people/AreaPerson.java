package com.videocall.admin.people;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;

/**
 * A person in one area's list (O2): the roles they hold there, or, when pending, the
 * roles they are invited to there and when ({@code invitedAt}).
 */
public record AreaPerson(long id, String displayName, String email, AccountStatus status, List<Role> roles,
		Instant invitedAt) {

	public boolean isPending() {
		return this.invitedAt != null;
	}

}
