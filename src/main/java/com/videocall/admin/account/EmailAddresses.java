package com.videocall.admin.account;

import java.util.regex.Pattern;

/**
 * What an account's email address looks like: ASCII, at most 254 characters, a local
 * part, "@" and a domain of dot-separated labels. Add Users invites only such addresses,
 * so every account has one; a form that asks for an account's address (the Activity
 * page's filters) refuses anything else, look-alike letters from other scripts included,
 * rather than search for it.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private EmailAddresses() {
	}

	public static boolean isWellFormed(String text) {
		return text != null && text.length() <= MAX_LENGTH && EMAIL.matcher(text).matches();
	}

}
