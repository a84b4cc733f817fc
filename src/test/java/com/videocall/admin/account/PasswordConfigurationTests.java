package com.videocall.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The stored password hashes: every password I5 allows, in the account table's column.
 */
class PasswordConfigurationTests {

	private static final int HASH_COLUMN_LENGTH = 100;

	private final PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder();

	@Test
	void hashesTheLongestAllowedPasswordInFullWithinTheColumn() {
		String koalas = "\uD83D\uDC28".repeat(PasswordPolicy.MAX_LENGTH);
		String hash = this.encoder.encode(koalas);

		assertThat(hash).hasSizeLessThanOrEqualTo(HASH_COLUMN_LENGTH).startsWith("{pbkdf2-base64}");
		assertThat(this.encoder.matches(koalas, hash)).isTrue();
		assertThat(this.encoder.matches(koalas.substring(0, koalas.length() - 2) + "\uD83D\uDC3B", hash)).isFalse();
	}

	@Test
	void stillMatchesBcryptHashes() {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("an older password");

		assertThat(this.encoder.matches("an older password", hash)).isTrue();
		assertThat(this.encoder.matches("another password", hash)).isFalse();
	}

}
