package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * A role removed from an invitation, with who had offered it and when, and the last day
 * of its access (null: no end, LC1): what Undo puts back.
 */
public record RemovedRole(Role role, long areaId, long invitedBy, Instant invitedAt, LocalDate accessUntil) {

	static RemovedRole of(InvitedRole role) {
		return new RemovedRole(role.getRole(), role.getAreaId(), role.getInvitedBy(), role.getInvitedAt(),
				role.getAccessUntil());
	}

	RoleOffer offer() {
		return new RoleOffer(this.role, this.areaId);
	}

}
