package com.videocall.admin.web;

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

	private Authorities() {
	}

}
