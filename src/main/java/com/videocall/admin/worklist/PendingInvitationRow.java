package com.videocall.admin.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.mail.EmailStatus;

/**
 * One row of the Pending Invitations list (P1), as one administrator may see it: only the
 * roles in their scope, and who invited the first of them. {@code delivery} is the state
 * of the newest email they may see (null: none).
 */
public record PendingInvitationRow(long id, long version, String displayName, String email, List<RoleInArea> roles,
		Instant invitedAt, String invitedBy, Instant lastRemindedAt, Instant linkExpiresAt, boolean linkExpired,
		EmailStatus delivery) {

	/**
	 * An invited role in scope, with its area and the last day of its access (null: no
	 * end).
	 */
	public record RoleInArea(Role role, long areaId, String areaName, LocalDate accessUntil) {
	}

}
