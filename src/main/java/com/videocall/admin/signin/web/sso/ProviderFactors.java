package com.videocall.admin.signin.web.sso;

import java.util.List;
import java.util.Set;

import com.videocall.admin.web.SingleSignOnProperties;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;

/**
 * Whether a provider's sign-in was two factors (SI5), as its ID token says: an
 * authentication method (RFC 8176's {@code amr}) of multiple factors ({@code mfa}), a
 * hardware or software key ({@code hwk}, {@code swk}) or a one-time password
 * ({@code otp}), or an authentication context ({@code acr}) the organisation lists in
 * {@code app.sso.two-factor-acr}. Nothing else counts: a provider that says nothing
 * signed in with one factor, and the application's second step follows.
 */
@Component
class ProviderFactors {

	private static final Set<String> TWO_FACTOR_METHODS = Set.of("mfa", "hwk", "swk", "otp");

	private final Set<String> twoFactorContexts;

	ProviderFactors(SingleSignOnProperties properties) {
		this.twoFactorContexts = Set.copyOf(properties.twoFactorAcr());
	}

	boolean twoFactors(OidcIdToken idToken) {
		List<String> methods = idToken.getAuthenticationMethods();
		String context = idToken.getAuthenticationContextClass();
		return (methods != null && methods.stream().anyMatch(TWO_FACTOR_METHODS::contains))
				|| (context != null && this.twoFactorContexts.contains(context));
	}

}
