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

}
