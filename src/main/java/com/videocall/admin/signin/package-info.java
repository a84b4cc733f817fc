/**
 * Signing in beyond the password (requirements SI1, SI2, SI8): second factors, that is an
 * authenticator app (TOTP) and single-use recovery codes, the sign-in's second step that
 * asks for one, and setting one up. Which pages need a second factor is the web shell's
 * rule ({@code SecondFactorPolicy}); the account module asks this one, through
 * {@code account.SecondFactors}, whether an account has one.
 */
@ApplicationModule(allowedDependencies = { "account", "mail", "web" })
package com.videocall.admin.signin;

import org.springframework.modulith.ApplicationModule;
