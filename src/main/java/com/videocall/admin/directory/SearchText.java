package com.videocall.admin.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a list's search box sent, made fit to search with and to carry along in URLs (X7):
 * control characters (which PostgreSQL refuses in text, and which no name contains)
 * become spaces, and the text is cut to what the search boxes accept, so a huge search
 * cannot make a redirect too large to send. Every list is searched by these rules: the
 * area lists here, and the people lists of the modules built on the directory.
 */
public final class SearchText {

	/** The search boxes' maxlength. */
	public static final int MAX_LENGTH = 200;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");

	private SearchText() {
	}

	/** The search to run and show; empty for none. */
	public static String of(String text) {
		if (text == null) {
			return "";
		}
		String clean = CONTROL.matcher(text).replaceAll(" ").strip();
		if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
			clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH)).strip();
		}
		return clean;
	}

	/**
	 * The search as a case-insensitive SQL LIKE pattern matching anywhere (with
	 * {@code lower(column) like :pattern}); cleaned by {@link #of} here too, so that no
	 * list's query ever gets a control character.
	 */
	public static String containsPattern(String text) {
		String escaped = of(text).toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
