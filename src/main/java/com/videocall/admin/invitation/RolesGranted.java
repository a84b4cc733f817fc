package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * Add Users gave an active account roles at once, instead of an invitation (A2): no
 * invitation changes, the person is told by email. Published for listeners outside the
 * invitation module (the activity trail) in the transaction of the grant.
 */
public record RolesGranted(long accountId, String email, Actor by, List<RoleOffer> roles, String customMessage,
		Instant at) {
}
