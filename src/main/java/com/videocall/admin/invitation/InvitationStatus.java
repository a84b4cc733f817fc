package com.videocall.admin.invitation;

/**
 * A pending invitation ends as accepted, cancelled, declined (the person it was sent to
 * said it is not for them, LC6) or expired (not accepted within its lifetime, LC2); ended
 * invitations are kept for history.
 */
public enum InvitationStatus {

	PENDING, ACCEPTED, CANCELLED, DECLINED, EXPIRED

}
