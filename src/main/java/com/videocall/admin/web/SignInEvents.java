package com.videocall.admin.web;

/**
 * What sign-in tells the rest of the application, as application events
 * ({@link SignInEventPublisher}), for synchronous listeners such as the activity trail.
 */
public final class SignInEvents {

	private SignInEvents() {
	}

	/**
	 * Someone finished signing in: every factor their sign-in needs is confirmed. method:
	 * how, first factor first: "password", "passkey", "single sign-on", or "account
	 * set-up" (signed in by setting up their account from an invitation link, I3); when a
	 * second factor followed, " and authenticator app", " and recovery code" or " and
	 * passkey" is added ("password and authenticator app"). "Confirm it's you" of someone
	 * signed in already is no sign-in, and publishes nothing.
	 */
	public record SignedIn(long accountId, String method, java.time.Instant at) {
	}

	/**
	 * A sign-in step refused for an existing account (wrong password, wrong code, refused
	 * passkey, account not active). reason: "wrong password", "account not active",
	 * "wrong code" (of an authenticator app), "wrong recovery code" or "passkey refused".
	 * Attempts the throttle refuses publish nothing (they are not bounded): the security
	 * log has them.
	 */
	public record SignInRefused(long accountId, String reason, java.time.Instant at) {
	}

}
