package com.videocall.admin.invitation;

/**
 * A pending invitation ends as accepted or cancelled; ended invitations are kept for
 * history.
 */
public enum InvitationStatus {

	PENDING, ACCEPTED, CANCELLED

}
