package com.videocall.admin.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.codec.binary.Base32;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's authenticator app, if it has one (V17): its key, encrypted, and the last
 * step whose code was accepted. Accepting a code is one conditional update, so a code is
 * accepted once even when two instances check it at the same moment (SI8).
 */
@Repository
class AuthenticatorApps {

	private static final Base32 BASE32 = new Base32();

	private final JdbcClient jdbc;

	private final SecretEncryption encryption;

	AuthenticatorApps(JdbcClient jdbc, SecretEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	/** The account's key, if it has an authenticator app. */
	Optional<byte[]> keyOf(long accountId) {
		return this.jdbc.sql("select secret_encrypted from authenticator_app where account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map((encrypted) -> BASE32.decode(this.encryption.decrypt(encrypted)));
	}

	/**
	 * Sets the app up (or replaces the one set up), its first code, of {@code step},
	 * already used.
	 */
	void add(long accountId, byte[] key, long step, Instant now) {
		this.jdbc
			.sql("""
					insert into authenticator_app (account_id, secret_encrypted, last_used_step, added_at) values (?, ?, ?, ?)
					on conflict (account_id) do update
					set secret_encrypted = excluded.secret_encrypted, last_used_step = excluded.last_used_step,
					    added_at = excluded.added_at
					""")
			.params(accountId, this.encryption.encrypt(BASE32.encodeAsString(key)), step, Timestamp.from(now))
			.update();
	}

	/** Records the step's code as used; false if it, or a later one, was used already. */
	boolean use(long accountId, long step) {
		return this.jdbc.sql("""
				update authenticator_app set last_used_step = ?
				where account_id = ? and (last_used_step is null or last_used_step < ?)
				""").params(step, accountId, step).update() == 1;
	}

	Optional<Instant> addedAt(long accountId) {
		return this.jdbc.sql("select added_at from authenticator_app where account_id = ?")
			.param(accountId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Removes the account's app; false if it had none. */
	boolean remove(long accountId) {
		return this.jdbc.sql("delete from authenticator_app where account_id = ?").param(accountId).update() == 1;
	}

	boolean exists(long accountId) {
		return this.jdbc.sql("select exists (select 1 from authenticator_app where account_id = ?)")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

}
