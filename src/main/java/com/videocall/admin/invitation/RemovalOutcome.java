package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * What removing roles did: the roles removed; whether that cancelled the invitation;
 * whether it remains for areas outside the administrator's scope (M4), which are never
 * named; and the id of the record that lets the administrator undo it, and until when
 * (UN).
 */
public record RemovalOutcome(String email, List<RoleOffer> removed, boolean cancelled, boolean remainsElsewhere,
		long undoId, Instant undoUntil) {
}
