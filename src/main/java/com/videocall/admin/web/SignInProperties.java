package com.videocall.admin.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in: who must confirm a second factor (SI1), the key that encrypts
 * second-factor secrets (SI8), and the throttle's limits, each counted within
 * {@code window} (see {@link FailureThrottle} for the rule they make up; the same limits
 * apply to passwords and to second-factor codes). ({@code failuresPerAccount} is
 * described before {@code failuresPerAccountAndAddress}: the configuration processor
 * takes the first {@code @param} whose name starts with the component's.)
 *
 * @param secondFactor {@code required}: every administrator confirms a second factor
 * after the password; {@code optional}: only those who set one up
 * @param allowOptionalSecondFactorInProd lets the {@code prod} profile start with
 * {@code second-factor=optional}, which it otherwise refuses
 * @param secretKey the key that encrypts authenticator apps' secrets in the database (any
 * long random text; the {@code prod} profile refuses to start without one)
 * @param window how long failures count
 * @param failuresPerAccount failures for one account from all addresses after which each
 * address gets one failure for it instead
 * @param failuresPerAccountAndAddress failures from one address for one account after
 * which that address may not try that account again
 * @param failuresPerAddress failures from one address over all accounts (unknown emails
 * included) after which that address may not sign in at all
 */
@ConfigurationProperties("app.sign-in")
public record SignInProperties(@DefaultValue("required") SecondFactor secondFactor,
		@DefaultValue("false") boolean allowOptionalSecondFactorInProd,
		@DefaultValue(SignInProperties.DEVELOPMENT_KEY) String secretKey, @DefaultValue("15m") Duration window,
		@DefaultValue("5") int failuresPerAccountAndAddress, @DefaultValue("20") int failuresPerAccount,
		@DefaultValue("50") int failuresPerAddress) {

	/** The default {@code secretKey}: for development and the demo only. */
	public static final String DEVELOPMENT_KEY = "development-only";

	/** Who must confirm a second factor after the password. */
	public enum SecondFactor {

		/** Every administrator, and everyone who set one up. */
		REQUIRED,

		/** Only those who set one up. */
		OPTIONAL

	}

}
