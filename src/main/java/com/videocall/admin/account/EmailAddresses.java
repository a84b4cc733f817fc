package com.videocall.admin.account;

import java.util.Locale;
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

	/**
	 * The domain of the placeholders that stand for removed addresses (LC3): reserved
	 * ({@code .invalid} never resolves), and refused as an address to invite, so a
	 * placeholder always means "removed".
	 */
	public static final String REMOVED_DOMAIN = "removed.invalid";

	public static boolean isWellFormed(String text) {
		return text != null && text.length() <= MAX_LENGTH && EMAIL.matcher(text).matches() && !isRemoved(text);
	}

	/**
	 * The placeholder of the account's removed address: unique per account, as the column
	 * requires, and naming nobody.
	 */
	public static String removed(long accountId) {
		return "removed-" + accountId + "@" + REMOVED_DOMAIN;
	}

	/** Whether the address is the placeholder of a removed one. */
	public static boolean isRemoved(String email) {
		return email != null && email.toLowerCase(Locale.ROOT).endsWith("@" + REMOVED_DOMAIN);
	}

}
