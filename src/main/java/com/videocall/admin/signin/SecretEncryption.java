package com.videocall.admin.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.videocall.admin.web.SignInProperties;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator apps' secrets before they reach the database (SI8): AES-GCM with
 * a 256-bit key derived from {@code app.sign-in.secret-key} (Spring Security's
 * {@link Encryptors#delux}, a random nonce per secret). The {@code prod} profile refuses
 * to start without a key; other runs (the demo, tests) fall back to a development key and
 * say so.
 */
@Component
class SecretEncryption {

	private static final Logger logger = LoggerFactory.getLogger(SecretEncryption.class);

	/** Hex salt of the key derivation: the key is the secret, not this. */
	private static final String SALT = "5f1c0a7e9d3b2c48";

	private final TextEncryptor encryptor;

	SecretEncryption(SignInProperties properties, Environment environment) {
		String key = properties.secretKey();
		if (key == null || key.isBlank() || SignInProperties.DEVELOPMENT_KEY.equals(key)) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("The prod profile needs a key of its own in app.sign-in.secret-key "
						+ "(a long random text) to encrypt second-factor secrets");
			}
			logger.warn("app.sign-in.secret-key is the development key: set a key of your own outside development");
			key = SignInProperties.DEVELOPMENT_KEY;
		}
		this.encryptor = Encryptors.delux(key, SALT);
	}

	String encrypt(String secret) {
		return this.encryptor.encrypt(secret);
	}

	String decrypt(String encrypted) {
		return this.encryptor.decrypt(encrypted);
	}

}
