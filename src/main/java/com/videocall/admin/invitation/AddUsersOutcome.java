package com.videocall.admin.invitation;

import java.util.ArrayList;
import java.util.List;

/**
 * What Add Users did, by email: new invitations, pending invitations extended with more
 * roles, active accounts given roles at once, and people who already had or were offered
 * every role chosen.
 */
public record AddUsersOutcome(List<String> invited, List<String> extended, List<String> granted,
		List<String> unchanged) {

	static AddUsersOutcome empty() {
		return new AddUsersOutcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
	}

	/** Counts {@code email} in the list of what was done for them. */
	void add(AddUsersForecast.Outcome outcome, String email) {
		switch (outcome) {
			case INVITED -> this.invited.add(email);
			case EXTENDED -> this.extended.add(email);
			case GRANTED -> this.granted.add(email);
			case UNCHANGED -> this.unchanged.add(email);
			case DISABLED -> throw new IllegalArgumentException("Add Users refuses a disabled account: " + email);
		}
	}

}
