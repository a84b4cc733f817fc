package com.videocall.admin.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Link tokens: 32 bytes from {@link SecureRandom}, base64url in the link. Only the
 * SHA-256 of a token is stored, so the database alone never lets anyone follow a link.
 */
@Component
class InvitationTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	NewToken next() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new NewToken(token, sha256(token));
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token for one email, and the hash that is stored for it. */
	record NewToken(String token, byte[] sha256) {
	}

}
