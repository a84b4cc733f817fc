package com.videocall.admin.people;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.HeldRole;

/**
 * A user's details as one administrator may see them (U3): only roles and invited roles
 * in that administrator's scope.
 */
public record UserProfile(long id, String displayName, String email, AccountStatus status, List<HeldRole> roles,
		List<InvitedRole> invitedRoles, Long invitationId) {

	public boolean isPending() {
		return !this.invitedRoles.isEmpty();
	}

	/** A role on offer in a pending invitation, with who offered it and when. */
	public record InvitedRole(HeldRole role, Instant invitedAt, String invitedBy) {
	}

}
