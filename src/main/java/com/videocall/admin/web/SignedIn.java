package com.videocall.admin.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the page layout asks of the request's authentication ({@code #authentication}):
 * whether someone is signed in, and whether they hold an authority that opens a menu
 * entry. What {@code sec:authorize} answered, without parsing an access expression on
 * every page view, which cost a tenth of the home page's CPU (JFR).
 */
@Component("signedIn")
public class SignedIn {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final SecondFactorPolicy factors;

	SignedIn(SecondFactorPolicy factors) {
		this.factors = factors;
	}

	/** Signed in, not anonymous. */
	public boolean any(Authentication authentication) {
		return this.trust.isAuthenticated(authentication);
	}

	/**
	 * Signed in and past the second factor if one is owed: every page is open to them.
	 */
	public boolean complete(Authentication authentication) {
		return any(authentication) && !this.factors.missingSecondFactor(authentication);
	}

	/**
	 * Signed in, holding the authority ({@link Authorities}), and past the second factor
	 * if one is owed (until then the menu's pages are closed to them).
	 */
	public boolean holds(Authentication authentication, String authority) {
		return any(authentication) && !this.factors.missingSecondFactor(authentication)
				&& authentication.getAuthorities().stream().anyMatch((held) -> authority.equals(held.getAuthority()));
	}

}
