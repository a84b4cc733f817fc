package com.videocall.admin.signin;

import java.time.Instant;
import java.util.List;

/**
 * A person's own sign-ins and second-factor changes, newest first, for their "Security"
 * page (AC2): the activity trail keeps them, and the activity module, which builds on
 * this one, implements this (decision 13). Who reset a factor is not named: the person
 * reads that an administrator did.
 */
public interface SignInHistory {

	/** The newest {@code limit} events concerning the account. */
	List<Event> recentOf(long accountId, int limit);

	/** One of them: the message code of what happened, its detail (may be null), when. */
	record Event(String labelCode, String detail, Instant at) {
	}

}
