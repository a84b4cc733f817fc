package com.videocall.admin.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues link tokens for the {@link Invitation} (which decides when a link is due): 32
 * bytes from {@link SecureRandom}, base64url in the link. Only the SHA-256 of a token is
 * stored, so the database alone never lets anyone follow a link.
 */
@Component
class InvitationTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final Duration validity;

	@Autowired
	InvitationTokens(InvitationProperties properties) {
		this(properties.linkValidity());
	}

	InvitationTokens(Duration validity) {
		this.validity = validity;
	}

	/** A new link, valid from {@code now} for the configured time. */
	NewLink issue(Instant now) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new NewLink(token, sha256(token), now, now.plus(this.validity));
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
