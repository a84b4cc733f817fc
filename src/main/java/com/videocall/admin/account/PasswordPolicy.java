package com.videocall.admin.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Passwords (I5): 12 to 128 characters, no composition rules, and none of the common
 * passwords in {@code passwords/common-passwords.txt} (compared without regard to case).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/**
	 * Read on first use, not at startup: only setting up an account needs the list (about
	 * 44,000 entries), and startup is what every instance waits for.
	 */
	private final SingletonSupplier<Set<String>> common = SingletonSupplier
		.of(() -> load("passwords/common-passwords.txt"));

	/** The message key of what is wrong with the password, if anything. */
	public Optional<String> problem(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (this.common.obtain().contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static Set<String> load(String path) {
		Set<String> passwords = new HashSet<>(64_000);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter((line) -> !line.isEmpty()).forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return passwords;
	}

}
