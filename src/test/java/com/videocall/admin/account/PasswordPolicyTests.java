package com.videocall.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

/** I5: 12 to 128 characters, no composition rules, common passwords refused. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(this.policy.problem("elevenchars")).contains("password.tooShort");
		assertThat(this.policy.problem("")).contains("password.tooShort");
		assertThat(this.policy.problem(null)).contains("password.tooShort");
	}

	@Test
	void refusesPasswordsLongerThan128Characters() {
		assertThat(this.policy.problem("kangaroo ".repeat(15).substring(0, 129))).contains("password.tooLong");
	}

	@Test
	void acceptsTwelveAnd128Characters() {
		assertThat(this.policy.problem("zebra-lamp-q")).isEmpty();
		assertThat(this.policy.problem("kangaroo ".repeat(15).substring(0, 128))).isEmpty();
	}

	@Test
	void countsCharactersRatherThanUtf16Units() {
		String koala = "\uD83D\uDC28";
		assertThat(this.policy.problem(koala.repeat(11))).contains("password.tooShort");
		assertThat(this.policy.problem(koala.repeat(12))).isEmpty();
		assertThat(this.policy.problem(koala.repeat(128))).isEmpty();
		assertThat(this.policy.problem(koala.repeat(129))).contains("password.tooLong");
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordpassword", "qwertyuiopasdfgh", "PasswordPassword", "QWERTYUIOPASDFGH" })
	void refusesCommonPasswordsWhateverTheirCase(String password) {
		assertThat(this.policy.problem(password)).contains("password.common");
	}

	@Test
	void refusesThePasswordsOfTheCommonList() throws IOException {
		List<String> common = commonPasswords();
		assertThat(common).contains("passwordpassword", "qwertyuiopasdfgh");
		assertThat(common.stream().filter((password) -> password.length() >= 12))
			.allSatisfy((password) -> assertThat(this.policy.problem(password)).as(password).isPresent());
	}

	@Test
	void keepsOnlyCommonPasswordsThatAPasswordOfAllowedLengthCanMatch() throws IOException {
		assertThat(commonPasswords()).isNotEmpty()
			.allSatisfy((password) -> assertThat(password.codePointCount(0, password.length())).as(password)
				.isBetween(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH))
			.doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "all lower case words here", "ONLYCAPITALSHERE", "123456789012345678", "   spaces around   " })
	void hasNoCompositionRules(String password) {
		assertThat(this.policy.problem(password)).isEmpty();
	}

	private static List<String> commonPasswords() throws IOException {
		try (InputStream in = new ClassPathResource("passwords/common-passwords.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
