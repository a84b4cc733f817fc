package com.videocall.admin.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one definition of an entry's hash (AC5): SHA-256 over the previous entry's hash and
 * the entry's content, its id and areas included, so that changing, removing or inserting
 * an entry breaks the chain from there on. The content is written field by field, each
 * preceded by its length (or {@code -} for none), so that no two different entries write
 * the same text. Used by the writer, the integrity check and the migration that chained
 * the history written before the trail existed.
 */
public final class ActivityChain {

	/** The "previous hash" of the first entry ever written. */
	public static final byte[] START = new byte[32];

	private ActivityChain() {
	}

	public static byte[] hash(byte[] previous, long id, EntryContent entry) {
		StringBuilder content = new StringBuilder(200);
		field(content, Long.toString(id));
		field(content, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, entry.at())));
		field(content, entry.kind());
		field(content, entry.actorId());
		field(content, entry.personId());
		field(content, entry.invitationId());
		field(content, entry.sourcePage());
		field(content, entry.reference());
		field(content, entry.detail());
		for (AreaRoles area : entry.areas()) {
			field(content, Long.toString(area.areaId()));
			field(content, String.join(",", area.roles()));
		}
		MessageDigest sha256 = sha256();
		sha256.update(previous);
		return sha256.digest(content.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void field(StringBuilder content, Object value) {
		if (value == null) {
			content.append("-;");
			return;
		}
		String text = value.toString();
		content.append(text.length()).append(':').append(text).append(';');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
