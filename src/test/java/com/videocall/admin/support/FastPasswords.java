package com.videocall.admin.support;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * The password encoder of the tests' applications: the same algorithm as the
 * application's ({@code PasswordConfiguration}, PBKDF2-HMAC-SHA256), with 1,000
 * iterations instead of 310,000 for the passwords tests set, so that the suite's
 * thousands of sign-ins, account set-ups and sign-in attempts for unknown emails (which
 * hash a dummy password as long as a real check) do not spend a fifth of its CPU on
 * hashing. Hashes the application makes ({@code pbkdf2-base64}, the demo organisation's)
 * are checked as the application checks them. {@code PasswordConfigurationTests} and the
 * tests that start the application on its own ({@link OwnApplication},
 * {@link AppInstance}) use the application's own encoder.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FastPasswords {

	@Bean
	@Primary
	PasswordEncoder fastPasswordEncoder() {
		Pbkdf2PasswordEncoder fast = new Pbkdf2PasswordEncoder("", 16, 1_000,
				SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
		fast.setEncodeHashAsBase64(true);
		Pbkdf2PasswordEncoder application = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		application.setEncodeHashAsBase64(true);
		return new DelegatingPasswordEncoder("pbkdf2-fast-for-tests", Map.of("pbkdf2-fast-for-tests", fast,
				"pbkdf2-base64", application, "bcrypt", new BCryptPasswordEncoder()));
	}

}
