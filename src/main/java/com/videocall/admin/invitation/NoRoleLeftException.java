package com.videocall.admin.invitation;

/**
 * Change Roles that would leave the invitation without a role in the administrator's
 * scope (or any role at all): refused, since Change Roles never cancels (LC4); removing
 * every role is what Remove Roles is for.
 */
public class NoRoleLeftException extends ActionRefusedException {

	NoRoleLeftException() {
		super("No role would remain");
	}

}
