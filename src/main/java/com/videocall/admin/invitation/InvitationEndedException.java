package com.videocall.admin.invitation;

/** An action on an invitation that has already been accepted or cancelled. */
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
