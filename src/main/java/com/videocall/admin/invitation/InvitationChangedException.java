package com.videocall.admin.invitation;

/**
 * The invitation changed since the administrator's page was shown (another administrator,
 * or the same form sent twice): nothing is done, and the current state is shown instead
 * (X5).
 */
public class InvitationChangedException extends ActionRefusedException {

	InvitationChangedException() {
		super("The invitation changed since the page was shown");
	}

}
