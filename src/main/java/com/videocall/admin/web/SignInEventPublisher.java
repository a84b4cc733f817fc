package com.videocall.admin.web;

import java.time.Clock;
import java.util.Map;

import com.videocall.admin.web.SignInEvents.SignInRefused;
import com.videocall.admin.web.SignInEvents.SignedIn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link SignInEvents} at the application's time, whether or not anybody
 * listens: a listener runs in the request that signed in (synchronously), before its
 * answer.
 */
@Component
public class SignInEventPublisher {

	/** Signed in with the sign-in form's password. */
	public static final String PASSWORD = "password";

	/** Signed in with a passkey alone (it is two factors). */
	public static final String PASSKEY = "passkey";

	/** Signed in with the organisation's OpenID Connect provider (SI5). */
	public static final String SINGLE_SIGN_ON = "single sign-on";

	/** Signed in by setting up the account from an invitation link (I3). */
	public static final String ACCOUNT_SET_UP = "account set-up";

	private static final Map<String, String> SECOND_FACTORS = Map.of(Authorities.AUTHENTICATOR_APP_FACTOR,
			"authenticator app", Authorities.RECOVERY_CODE_FACTOR, "recovery code", Authorities.PASSKEY_FACTOR,
			"passkey");

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInEventPublisher(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** The account finished signing in, in one step. */
	public void signedIn(long accountId, String method) {
		this.events.publishEvent(new SignedIn(accountId, method, this.clock.instant()));
	}

	/**
	 * The account finished signing in with the second factor ({@link Authorities}' name
	 * of it) after the first step {@code firstStep}: "password and authenticator app".
	 */
	public void signedIn(long accountId, Authentication firstStep, String secondFactor) {
		signedIn(accountId, firstFactor(firstStep) + " and " + SECOND_FACTORS.get(secondFactor));
	}

	/** A step of signing in was refused for the account. */
	public void refused(long accountId, String reason) {
		this.events.publishEvent(new SignInRefused(accountId, reason, this.clock.instant()));
	}

	/**
	 * How a sign-in that still owes its second factor began: with the provider, with the
	 * password, or else by setting the account up (which records no factor).
	 */
	private static String firstFactor(Authentication firstStep) {
		if (SecondFactorPolicy.holds(firstStep, Authorities.PROVIDER_FACTOR)) {
			return SINGLE_SIGN_ON;
		}
		return SecondFactorPolicy.holds(firstStep, Authorities.PASSWORD_FACTOR) ? PASSWORD : ACCOUNT_SET_UP;
	}

}
