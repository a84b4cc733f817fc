package com.videocall.admin.people;

import java.time.Instant;

import com.videocall.admin.account.AccountStatus;

/** A row of the Users list; {@code invitedAt} is set for pending users only. */
public record UserRow(long id, String displayName, String email, AccountStatus status, Instant invitedAt) {

	public boolean isPending() {
		return this.invitedAt != null;
	}

}
