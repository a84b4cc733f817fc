package com.videocall.admin.invitation;

/**
 * Change Roles with nothing to add (every role chosen is already offered) and nothing to
 * remove: nothing changes (LC4).
 */
public class RolesUnchangedException extends ActionRefusedException {

	RolesUnchangedException() {
		super("No role to add or remove");
	}

}
