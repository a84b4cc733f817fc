package com.videocall.admin.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import com.videocall.admin.web.AppProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues link tokens for the {@link Invitation} (which decides when a link is due): 32
 * bytes from {@link SecureRandom}, base64url in the link. Only the SHA-256 of a token is
 * stored, so the database alone never lets anyone follow a link. Also says when an
 * invitation an administrator sends now closes unless accepted (LC2), the other time an
 * email starts.
 */
@Component
class InvitationTokens {

	private static final int TOKEN_BYTES = 32;

	/** The lifetime of invitations made by tests that give only a link's validity. */
	private static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

	private final SecureRandom random = new SecureRandom();

	private final Duration validity;

	private final Duration lifetime;

	private final ZoneId zone;

	@Autowired
	InvitationTokens(InvitationProperties properties, AppProperties app) {
		this(properties.linkValidity(), properties.lifetime(), app.timeZone());
	}

	InvitationTokens(Duration validity) {
		this(validity, DEFAULT_LIFETIME, ZoneOffset.UTC);
	}

	InvitationTokens(Duration validity, Duration lifetime, ZoneId zone) {
		this.validity = validity;
		this.lifetime = lifetime;
		this.zone = zone;
	}

	/**
	 * When an invitation or reminder an administrator sends at {@code sentAt} closes: the
	 * lifetime's whole days as calendar days in the configured zone (the same local time,
	 * also across a daylight-saving change), then the rest of it.
	 */
	Instant closesAt(Instant sentAt) {
		long days = this.lifetime.toDays();
		return sentAt.atZone(this.zone).plusDays(days).plus(this.lifetime.minusDays(days)).toInstant();
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
