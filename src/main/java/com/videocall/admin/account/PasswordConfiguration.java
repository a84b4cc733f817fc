package com.videocall.admin.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Passwords are stored as PBKDF2 hashes, tagged so that the algorithm can be changed
 * later. Not bcrypt: it reads only 72 bytes and Spring Security refuses longer passwords,
 * while I5 allows 128 characters. Base64 keeps the hash within its column; hashes tagged
 * bcrypt still match.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	private static final String PBKDF2 = "pbkdf2-base64";

	@Bean
	PasswordEncoder passwordEncoder() {
		Pbkdf2PasswordEncoder pbkdf2 = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		pbkdf2.setEncodeHashAsBase64(true);
		return new DelegatingPasswordEncoder(PBKDF2, Map.of(PBKDF2, pbkdf2, "bcrypt", new BCryptPasswordEncoder()));
	}

}
