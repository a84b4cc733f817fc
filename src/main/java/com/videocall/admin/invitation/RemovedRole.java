package com.videocall.admin.invitation;

import java.time.Instant;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * A role removed from an invitation, with who had offered it and when: what Undo puts
 * back.
 */
public record RemovedRole(Role role, long areaId, long invitedBy, Instant invitedAt) {

	static RemovedRole of(InvitedRole role) {
		return new RemovedRole(role.getRole(), role.getAreaId(), role.getInvitedBy(), role.getInvitedAt());
	}

	RoleOffer offer() {
		return new RoleOffer(this.role, this.areaId);
	}

}
