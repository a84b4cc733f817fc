package com.videocall.admin.invitation;

/**
 * A pending invitation ends as accepted, cancelled, or expired when it was not accepted
 * within its lifetime (LC2); ended invitations are kept for history.
 */
public enum InvitationStatus {

	PENDING, ACCEPTED, CANCELLED, EXPIRED

}
