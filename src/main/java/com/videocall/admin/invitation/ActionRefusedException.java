package com.videocall.admin.invitation;

/**
 * An administrator's action on an invitation that changed nothing, for a reason the page
 * explains in its banner (too soon, changed meanwhile, already ended, nothing selected,
 * Undo refused). Thrown before anything is written.
 */
public abstract class ActionRefusedException extends RuntimeException {

	protected ActionRefusedException(String message) {
		super(message, null, false, false);
	}

}
