package com.videocall.admin.invitation;

import java.util.List;

import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * What Change Roles did (LC4): the invitee's email, the roles added and those removed;
 * the invitee was emailed when any were added.
 */
public record RoleChangeOutcome(String email, List<RoleOffer> added, List<RoleOffer> removed) {
}
