package com.videocall.admin.signin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226):
 * HMAC-SHA1 of the number of 30-second steps since the epoch, six digits. A code is
 * accepted for its own step and one step either side (clock drift), and {@link #match}
 * says which step it matched so that the caller can refuse that step's code a second
 * time. No library does this for Spring; the class is checked against the RFC's vectors.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final int DRIFT_STEPS = 1;

	private Totp() {
	}

	/** The step an instant falls in. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/**
	 * The code of a step, {@code digits} long (six for apps; eight in the RFC's vectors).
	 */
	static String code(byte[] key, long step, int digits) {
		byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int modulus = (int) Math.pow(10, digits);
		return String.format("%0" + digits + "d", binary % modulus);
	}

	/**
	 * The step within one of {@code at}'s whose six-digit code is the one typed (compared
	 * in constant time), if any. Spaces typed between the digits are ignored; anything
	 * else that is not six digits matches nothing.
	 */
	static OptionalLong match(byte[] key, String typed, Instant at) {
		String digits = (typed != null) ? typed.replace(" ", "") : "";
		if (!digits.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = step(at);
		OptionalLong matched = OptionalLong.empty();
		for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
			if (MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), digits.getBytes()) && matched.isEmpty()) {
				matched = OptionalLong.of(step);
			}
		}
		return matched;
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

}
