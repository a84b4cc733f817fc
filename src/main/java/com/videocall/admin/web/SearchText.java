package com.videocall.admin.web;

import java.util.regex.Pattern;

/**
 * What a list's search box sent, made fit to search with and to carry along in URLs (X7):
 * control characters (which PostgreSQL refuses in text, and which no name contains)
 * become spaces, and the text is cut to what the search boxes accept, so a huge search
 * cannot make a redirect too large to send.
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

}
