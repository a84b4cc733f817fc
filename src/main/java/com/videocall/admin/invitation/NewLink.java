package com.videocall.admin.invitation;

import java.time.Instant;

/**
 * A link just issued: its token travels to the email listener in the event that issued
 * it, and from there only into the email; the invitation keeps its SHA-256 alone.
 */
public record NewLink(String token, byte[] sha256, Instant createdAt, Instant expiresAt) {

	/** Without the token, so that logging an event never leaks a working link. */
	@Override
	public String toString() {
		return "NewLink[expiresAt=" + this.expiresAt + "]";
	}

}
