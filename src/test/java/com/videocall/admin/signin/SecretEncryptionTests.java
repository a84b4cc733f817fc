package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import com.videocall.admin.web.SignInProperties;
import com.videocall.admin.web.SignInProperties.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

/**
 * The key of second-factor secrets (SI8): the {@code prod} profile refuses to start
 * without one; a secret is encrypted with a nonce of its own and read with its key only.
 */
class SecretEncryptionTests {

	@Test
	void prodRefusesToStartWithoutAKeyForSecondFactorSecrets() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretEncryption(settings(SecondFactor.REQUIRED, false, null), prod()))
			.withMessageContaining("app.sign-in.secret-key");
		// (null only when built by hand: the default is the development key.)
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretEncryption(settings(SecondFactor.REQUIRED, false, " "), prod()));
		assertThatIllegalStateException().isThrownBy(() -> new SecretEncryption(
				settings(SecondFactor.REQUIRED, false, SignInProperties.DEVELOPMENT_KEY), prod()));
		SecretEncryption development = new SecretEncryption(settings(SecondFactor.REQUIRED, false, null),
				new MockEnvironment());
		assertThat(development.decrypt(development.encrypt("JBSWY3DPEHPK3PXP"))).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void encryptsEachSecretWithItsOwnNonceAndOnlyItsKeyReadsIt() {
		SecretEncryption encryption = new SecretEncryption(settings(SecondFactor.REQUIRED, false, "one key"), prod());
		String first = encryption.encrypt("JBSWY3DPEHPK3PXP");
		assertThat(first).isNotEqualTo(encryption.encrypt("JBSWY3DPEHPK3PXP")).doesNotContain("JBSWY3DPEHPK3PXP");
		SecretEncryption another = new SecretEncryption(settings(SecondFactor.REQUIRED, false, "another key"), prod());
		assertThatIllegalStateException().isThrownBy(() -> another.decrypt(first));
	}

	static MockEnvironment prod() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		return environment;
	}

	static SignInProperties settings(SecondFactor secondFactor, boolean allowOptionalInProd, String key) {
		return new SignInProperties(secondFactor, allowOptionalInProd, key, Duration.ofMinutes(15), 5, 20, 50);
	}

}
