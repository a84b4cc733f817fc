package com.videocall.admin.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ten single-use recovery codes per account (SI2), for a lost phone. A code is 16
 * characters of an alphabet without look-alikes (80 random bits), shown in four groups;
 * only its SHA-256 digest is stored (SI8), and using it is one conditional update, so a
 * code works once whichever instance is asked.
 */
@Repository
class RecoveryCodes {

	static final int COUNT = 10;

	/**
	 * Capital letters and digits without 0, 1, I and O (look-alikes): 32 symbols, 5 bits
	 * each.
	 */
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new set of codes, replacing the account's old ones; the only time they are seen.
	 */
	List<String> replace(long accountId) {
		List<String> codes = new ArrayList<>();
		this.jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			codes.add(code);
			this.jdbc.sql("insert into recovery_code (account_id, code_hash) values (?, ?)")
				.params(accountId, digest(code))
				.update();
		}
		return codes;
	}

	/**
	 * Uses the code typed (any case, with or without its hyphens and spaces) if unused.
	 */
	boolean use(long accountId, String typed, Instant now) {
		String code = normalised(typed);
		if (code.length() != LENGTH) {
			return false;
		}
		return this.jdbc.sql("""
				update recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null
				""").params(Timestamp.from(now), accountId, digest(code)).update() == 1;
	}

	void removeAll(long accountId) {
		this.jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
	}

	int left(long accountId) {
		return this.jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	private static String normalised(String typed) {
		return (typed != null) ? typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT) : "";
	}

	private static byte[] digest(String code) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(normalised(code).getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
