package com.videocall.admin.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * "Forgot your password?" (SI9): how long an emailed link works, and how many links may
 * be asked for, per client address and per account, within the request window (each one
 * emails the account's owner, so nobody may flood an inbox). Links that do not work are
 * throttled per client address under the sign-in limits ({@code app.sign-in.window},
 * {@code app.sign-in.failures-per-address}).
 *
 * @param linkValidity how long an emailed "Forgot your password?" link works
 * @param requestWindow how long the "Forgot your password?" requests of a client address
 * and of an account count
 * @param requestsPerAddress "Forgot your password?" requests from one client address
 * within the request window, for any addresses typed; past it, the page answers the same
 * and no email is sent
 * @param requestsPerAccount "Forgot your password?" emails sent to one account within the
 * request window, whoever asked; past it, no email is sent
 */
@ConfigurationProperties("app.sign-in.password-reset")
public record PasswordResetProperties(@DefaultValue("1h") Duration linkValidity,
		@DefaultValue("1h") Duration requestWindow, @DefaultValue("10") int requestsPerAddress,
		@DefaultValue("3") int requestsPerAccount) {
}
