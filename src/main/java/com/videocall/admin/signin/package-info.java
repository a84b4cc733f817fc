/**
 * Signing in beyond the password (requirements SI1, SI2, SI5, SI8): second factors, that
 * is an authenticator app (TOTP) and single-use recovery codes, the sign-in's second step
 * that asks for one, and setting one up; and single sign-on with the organisation's
 * OpenID Connect provider ({@code web.sso}), which also sets up invited accounts. Which
 * pages need a second factor is the web shell's rule ({@code SecondFactorPolicy}); the
 * account module asks this one, through {@code account.SecondFactors}, whether an account
 * has one.
 */
@ApplicationModule(allowedDependencies = { "account", "invitation", "mail", "web" })
package com.videocall.admin.signin;

import org.springframework.modulith.ApplicationModule;
