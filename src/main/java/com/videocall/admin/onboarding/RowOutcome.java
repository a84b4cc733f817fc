package com.videocall.admin.onboarding;

import com.videocall.admin.invitation.AddUsersForecast;
import com.videocall.admin.invitation.AddUsersOutcome;

/**
 * What a row of an import does (IM2, IM3): one of Add Users' outcomes, or a problem that
 * keeps it from being imported. Each has a label, {@code import.outcome.<name>}.
 */
public enum RowOutcome {

	INVITED, EXTENDED, GRANTED, UNCHANGED, INVALID_EMAIL, UNKNOWN_AREA, AMBIGUOUS_AREA, UNKNOWN_ROLE, INVALID_DATE,
	REPEATED, DISABLED,
	/**
	 * Refused at import time by a change made at that same moment (another
	 * administrator's).
	 */
	FAILED;

	public boolean isProblem() {
		return ordinal() > UNCHANGED.ordinal();
	}

	public String labelCode() {
		return "import.outcome." + name();
	}

	static RowOutcome of(AddUsersForecast.Outcome outcome) {
		return switch (outcome) {
			case INVITED -> INVITED;
			case EXTENDED -> EXTENDED;
			case GRANTED -> GRANTED;
			case UNCHANGED -> UNCHANGED;
			case DISABLED -> DISABLED;
		};
	}

	/** What Add Users did for the one person of a row. */
	static RowOutcome of(AddUsersOutcome outcome) {
		if (!outcome.invited().isEmpty()) {
			return INVITED;
		}
		if (!outcome.extended().isEmpty()) {
			return EXTENDED;
		}
		return outcome.granted().isEmpty() ? UNCHANGED : GRANTED;
	}

}
