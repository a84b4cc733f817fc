package com.videocall.admin.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The authorities a signed-in account may hold; what they open is in the security
 * configuration.
 */
public final class Authorities {

	/** Administrator rights over at least one area. */
	public static final String ADMINISTRATOR = "ADMINISTRATOR";

	public static final String SYSTEM_ADMINISTRATOR = "SYSTEM_ADMINISTRATOR";

	/** The account has a second factor, so every sign-in of it confirms one (SI1). */
	public static final String SECOND_FACTOR_SET_UP = "SECOND_FACTOR_SET_UP";

	/**
	 * Factors this sign-in confirmed, as Spring Security's {@code FactorGrantedAuthority}
	 * names them (with the time each was confirmed): the password, a code from an
	 * authenticator app, a recovery code, a passkey.
	 */
	public static final String PASSWORD_FACTOR = "FACTOR_PASSWORD";

	public static final String AUTHENTICATOR_APP_FACTOR = "FACTOR_TOTP";

	public static final String RECOVERY_CODE_FACTOR = "FACTOR_RECOVERY_CODE";

	public static final String PASSKEY_FACTOR = "FACTOR_WEBAUTHN";

	/**
	 * A sign-in with the organisation's OpenID Connect provider (SI5): one factor, as
	 * Spring Security names it.
	 */
	public static final String PROVIDER_FACTOR = "FACTOR_AUTHORIZATION_CODE";

	/**
	 * The provider's sign-in confirmed a second factor, as its ID token says ({@code amr}
	 * or {@code acr}): it counts as the second factor.
	 */
	public static final String PROVIDER_SECOND_FACTOR = "FACTOR_PROVIDER_MFA";

	private Authorities() {
	}

	/**
	 * The authorities held, with these factors confirmed at that moment, as Spring
	 * Security records a factor (SecondFactorPolicy reads when, for SI3 and SI7).
	 */
	public static List<GrantedAuthority> withFactors(Collection<? extends GrantedAuthority> held, Instant confirmedAt,
			String... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>(held);
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(confirmedAt).build());
		}
		return authorities;
	}

}
