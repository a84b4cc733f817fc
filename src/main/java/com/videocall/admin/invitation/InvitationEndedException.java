package com.videocall.admin.invitation;

/**
 * An action on an invitation that has already ended: accepted, cancelled, or expired (or
 * past its close moment, LC2).
 */
public class InvitationEndedException extends ActionRefusedException {

	private final InvitationStatus status;

	InvitationEndedException(InvitationStatus status) {
		super("The invitation is " + status);
		this.status = status;
	}

	public InvitationStatus status() {
		return this.status;
	}

}
