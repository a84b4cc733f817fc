package com.videocall.admin.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in throttle's limits, each counted within {@code window} (see
 * {@link SignInThrottle} for the rule they make up). ({@code failuresPerAccount} is
 * described before {@code failuresPerAccountAndAddress}: the configuration processor
 * takes the first {@code @param} whose name starts with the component's.)
 *
 * @param window how long failures count
 * @param failuresPerAccount failures for one account from all addresses after which each
 * address gets one failure for it instead
 * @param failuresPerAccountAndAddress failures from one address for one account after
 * which that address may not try that account again
 * @param failuresPerAddress failures from one address over all accounts (unknown emails
 * included) after which that address may not sign in at all
 */
@ConfigurationProperties("app.sign-in")
public record SignInProperties(@DefaultValue("15m") Duration window,
		@DefaultValue("5") int failuresPerAccountAndAddress, @DefaultValue("20") int failuresPerAccount,
		@DefaultValue("50") int failuresPerAddress) {
}
