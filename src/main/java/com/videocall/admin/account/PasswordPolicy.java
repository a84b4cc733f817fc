package com.videocall.admin.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Passwords (I5): 12 to 128 characters, no composition rules, none of the common
 * passwords in {@code passwords/common-passwords.txt} (compared without regard to case),
 * and none containing a word of this context (ASVS 6.2.11): the account's own email or
 * the part before its {@code @}, the product's name, the demo data's password.
 * <p>
 * Length and context words are judged on the password as a person would read it:
 * Unicode-normalised (NFKC), without invisible characters (controls such as NUL,
 * zero-width spaces, byte order marks) and with runs of white space as one space, so that
 * twelve spaces or NULs are too short. Context words are looked for in its letters and
 * digits alone, in lower case ("Video-Call Admin!" contains "videocalladmin"). The
 * password itself is kept as typed.
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

	/** Words of this product that no password may contain, as letters and digits. */
	private static final List<String> PRODUCT_WORDS = List.of("videocalladmin", "videocall", "demopassword");

	/**
	 * A part of the email shorter than this is not looked for (it would be in many
	 * words).
	 */
	private static final int MIN_CONTEXT_WORD = 4;

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");

	private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

	/**
	 * The message key of what is wrong with the password chosen for the account of
	 * {@code email}, if anything.
	 */
	public Optional<String> problem(String password, String email) {
		String readable = (password != null) ? readable(password) : "";
		if (readable.codePointCount(0, readable.length()) < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (this.common.obtain().contains(password.toLowerCase(Locale.ROOT))
				|| this.common.obtain().contains(readable.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.common");
		}
		String letters = lettersAndDigits(readable);
		if (contextWords(email).stream().anyMatch(letters::contains)) {
			return Optional.of("password.context");
		}
		return Optional.empty();
	}

	/** As a person reads it: normalised, nothing invisible, white space as one space. */
	private static String readable(String password) {
		String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
		return SPACES.matcher(INVISIBLE.matcher(normalised).replaceAll("")).replaceAll(" ").strip();
	}

	private static List<String> contextWords(String email) {
		List<String> words = new ArrayList<>(PRODUCT_WORDS);
		if (email != null) {
			int at = email.lastIndexOf('@');
			for (String part : (at > 0) ? List.of(email, email.substring(0, at)) : List.of(email)) {
				String word = lettersAndDigits(readable(part));
				if (word.length() >= MIN_CONTEXT_WORD) {
					words.add(word);
				}
			}
		}
		return words;
	}

	private static String lettersAndDigits(String text) {
		return NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
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
