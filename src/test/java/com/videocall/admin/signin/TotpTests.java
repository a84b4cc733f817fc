package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors (appendix B, SHA-1) and the window of accepted steps (SI1). */
class TotpTests {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void makesTheCodesOfRfc6238(long epochSecond, String code) {
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(epochSecond)), 8)).isEqualTo(code);
	}

	@Test
	void acceptsTheStepBeforeAndAfterAndNothingFurther() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step, 6), now)).isEqualTo(OptionalLong.of(step));
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now)).isEqualTo(OptionalLong.of(step - 1));
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now)).isEqualTo(OptionalLong.of(step + 1));
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now)).isEmpty();
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now)).isEmpty();
	}

	@Test
	void ignoresSpacesBetweenDigitsAndRefusesAnythingElse() {
		Instant now = Instant.ofEpochSecond(1234567890);
		String code = Totp.code(RFC_KEY, Totp.step(now), 6);
		assertThat(Totp.match(RFC_KEY, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
		assertThat(Totp.match(RFC_KEY, null, now)).isEmpty();
		assertThat(Totp.match(RFC_KEY, "", now)).isEmpty();
		assertThat(Totp.match(RFC_KEY, code + "0", now)).isEmpty();
		assertThat(Totp.match(RFC_KEY, "١٢٣٤٥٦", now)).as("Arabic-Indic digits are not digits here").isEmpty();
		assertThat(Totp.match(RFC_KEY, code.substring(0, 5) + "\0", now)).isEmpty();
	}

}
