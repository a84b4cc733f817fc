package com.videocall.admin.signin;

import java.time.Instant;

/**
 * A person's second factors changed (SI3, SI4): one added or removed by themselves, or
 * all of them reset by an administrator ({@code byAccountId}; null when the person did
 * it). Published in the transaction of the change, for the activity trail. {@code factor}
 * names it: {@code "passkey"} or {@code "authenticator app"}; null for a reset, which
 * removes every factor.
 */
public record SecondFactorChanged(long accountId, Long byAccountId, Change change, String factor, Instant at) {

	/** What happened to the factors. */
	public enum Change {

		ADDED, REMOVED, RESET

	}

	static final String PASSKEY = "passkey";

	static final String AUTHENTICATOR_APP = "authenticator app";

}
