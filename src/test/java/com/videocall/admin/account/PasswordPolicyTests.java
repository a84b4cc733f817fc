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

/**
 * I5: 12 to 128 characters, no composition rules, common passwords and the words of this
 * context (ASVS 6.2.11) refused; what counts is what a person reads.
 */
class PasswordPolicyTests {

	private static final String EMAIL = "priya.walker@example.org";

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(this.policy.problem("elevenchars", EMAIL)).contains("password.tooShort");
		assertThat(this.policy.problem("", EMAIL)).contains("password.tooShort");
		assertThat(this.policy.problem(null, EMAIL)).contains("password.tooShort");
	}

	@Test
	void refusesPasswordsLongerThan128Characters() {
		assertThat(this.policy.problem("kangaroo ".repeat(15).substring(0, 129), EMAIL)).contains("password.tooLong");
	}

	@Test
	void acceptsTwelveAnd128Characters() {
		assertThat(this.policy.problem("zebra-lamp-q", EMAIL)).isEmpty();
		assertThat(this.policy.problem("kangaroo ".repeat(15).substring(0, 128), EMAIL)).isEmpty();
	}

	@Test
	void countsCharactersRatherThanUtf16Units() {
		String koala = "\uD83D\uDC28";
		assertThat(this.policy.problem(koala.repeat(11), EMAIL)).contains("password.tooShort");
		assertThat(this.policy.problem(koala.repeat(12), EMAIL)).isEmpty();
		assertThat(this.policy.problem(koala.repeat(128), EMAIL)).isEmpty();
		assertThat(this.policy.problem(koala.repeat(129), EMAIL)).contains("password.tooLong");
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordpassword", "qwertyuiopasdfgh", "PasswordPassword", "QWERTYUIOPASDFGH" })
	void refusesCommonPasswordsWhateverTheirCase(String password) {
		assertThat(this.policy.problem(password, EMAIL)).contains("password.common");
	}

	@Test
	void refusesThePasswordsOfTheCommonList() throws IOException {
		List<String> common = commonPasswords();
		assertThat(common).contains("passwordpassword", "qwertyuiopasdfgh");
		assertThat(common.stream().filter((password) -> password.length() >= 12))
			.allSatisfy((password) -> assertThat(this.policy.problem(password, EMAIL)).as(password).isPresent());
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
		assertThat(this.policy.problem(password, EMAIL)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "priya.walker@example.org", "PRIYA.WALKER@EXAMPLE.ORG", "my name is Priya Walker",
			"priya_walker_2026!", "videocalladmin", "Video Call Admin 2026", "my-videocall-password", "demo-password",
			"Demo Password 123",
			"\uFF56\uFF49\uFF44\uFF45\uFF4F\uFF43\uFF41\uFF4C\uFF4C\uFF41\uFF44\uFF4D\uFF49\uFF4E" })
	void refusesTheAccountsEmailAndTheProductsWords(String password) {
		assertThat(this.policy.problem(password, EMAIL)).contains("password.context");
	}

	@Test
	void looksForTheEmailOfTheAccountBeingSetUpOnly() {
		assertThat(this.policy.problem("priya walker rides bikes", "someone.else@example.org")).isEmpty();
		assertThat(this.policy.problem("jo likes long walks", "jo@example.org")).as("a part this short is no word")
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "            ", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000",
			"\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B",
			"\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF",
			"\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0",
			"ab\u200Bcd\u200Bef\u200Bgh\u200Bij\u200B", "a          b", "\t\t\t\t\t\t\t\t\t\t\t\tab" })
	void countsOnlyWhatAPersonReadsTowardsTheLength(String password) {
		assertThat(this.policy.problem(password, EMAIL)).contains("password.tooShort");
	}

	private static List<String> commonPasswords() throws IOException {
		try (InputStream in = new ClassPathResource("passwords/common-passwords.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
