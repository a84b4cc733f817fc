package com.videocall.admin.invitation;

/** Remove Roles with no role of the administrator's scope selected: nothing changes. */
public class NothingSelectedException extends ActionRefusedException {

	NothingSelectedException() {
		super("No role selected");
	}

}
