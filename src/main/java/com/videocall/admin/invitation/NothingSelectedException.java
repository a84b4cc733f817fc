package com.videocall.admin.invitation;

/** Remove Roles with no role of the administrator's scope selected: nothing changes. */
public class NothingSelectedException extends RuntimeException {

	NothingSelectedException() {
		super("No role selected", null, false, false);
	}

}
