package com.videocall.admin.signin;

import java.time.Instant;

import org.apache.commons.codec.binary.Base32;

/**
 * What an authenticator app shows, for tests outside this package: the code of a key (as
 * "Enter this key instead:" shows it) for the 30-second step {@code offset} steps from
 * now.
 */
public final class AuthenticatorAppCodes {

	private AuthenticatorAppCodes() {
	}

	public static String code(String keyShown, int offset) {
		byte[] key = new Base32().decode(keyShown.replace(" ", ""));
		return Totp.code(key, Totp.step(Instant.now()) + offset, Totp.DIGITS);
	}

}
