package com.videocall.admin.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links of "Forgot your password?" (SI9): a token of 32 bytes from
 * {@link SecureRandom}, base64url in the link, of which only the SHA-256 digest is stored
 * (V18). Using a link is one conditional update, so it works once whichever instance is
 * asked and however often it is clicked at once. Expired rows are deleted when a link is
 * issued or used: nothing reads them, and an expired link answers like an unknown one.
 */
@Repository
class PasswordResetLinks {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	PasswordResetLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new link's token for the account, working from {@code now} until
	 * {@code expiresAt}.
	 */
	String issue(long accountId, Instant now, Instant expiresAt) {
		deleteExpired(now);
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into password_reset_link (token_sha256, account_id, created_at, expires_at)
				values (?, ?, ?, ?)
				""").params(digest(token), accountId, Timestamp.from(now), Timestamp.from(expiresAt)).update();
		return token;
	}

	/** The account of the link, while it works: unused and not expired. */
	Optional<Long> accountOf(String token, Instant now) {
		return this.jdbc.sql("""
				select account_id from password_reset_link
				where token_sha256 = ? and used_at is null and expires_at > ?
				""").params(digest(token), Timestamp.from(now)).query(Long.class).optional();
	}

	/**
	 * Uses the link if it works: its account, or nothing if it was used already (also at
	 * this very moment, by another request), has expired or never existed.
	 */
	Optional<Long> use(String token, Instant now) {
		Optional<Long> account = this.jdbc.sql("""
				update password_reset_link set used_at = :now
				where token_sha256 = :digest and used_at is null and expires_at > :now
				returning account_id
				""").param("now", Timestamp.from(now)).param("digest", digest(token)).query(Long.class).optional();
		deleteExpired(now);
		return account;
	}

	/** Ends every working link of the account; how many. */
	int revokeAll(long accountId, Instant now) {
		return this.jdbc.sql("""
				update password_reset_link set used_at = :now
				where account_id = :account and used_at is null and expires_at > :now
				""").param("now", Timestamp.from(now)).param("account", accountId).update();
	}

	private void deleteExpired(Instant now) {
		this.jdbc.sql("delete from password_reset_link where expires_at <= ?").param(Timestamp.from(now)).update();
	}

	/** Any text has a digest: a token as typed in an address bar may be anything. */
	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
