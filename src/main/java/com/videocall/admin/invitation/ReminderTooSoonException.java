package com.videocall.admin.invitation;

import java.time.Instant;

/**
 * A reminder asked for within the reminder interval (X4); says when the next one is
 * possible.
 */
public class ReminderTooSoonException extends ActionRefusedException {

	private final Instant nextPossibleAt;

	ReminderTooSoonException(Instant nextPossibleAt) {
		super("Next reminder possible at " + nextPossibleAt);
		this.nextPossibleAt = nextPossibleAt;
	}

	public Instant nextPossibleAt() {
		return this.nextPossibleAt;
	}

}
