package com.videocall.admin.web;

/**
 * The authorities a signed-in account may hold; what they open is in the security
 * configuration.
 */
public final class Authorities {

	/** Administrator rights over at least one area. */
	public static final String ADMINISTRATOR = "ADMINISTRATOR";

	public static final String SYSTEM_ADMINISTRATOR = "SYSTEM_ADMINISTRATOR";

	private Authorities() {
	}

}
