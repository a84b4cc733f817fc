package com.videocall.admin.signin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import com.videocall.admin.web.SessionEnd;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's signed-in sessions, as "Security" lists them (SI3): when each started and
 * was last active, from which address and browser, and which is this one. A session is
 * named on the page by a digest of its id, never by the id, which is the key to it.
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** One signed-in session, newest activity first. */
	record SignedInSession(String handle, Instant started, Instant lastActive, String address, String browser,
			boolean current) {
	}

	List<SignedInSession> of(String username, String currentId) {
		return this.sessions.findByPrincipalName(username)
			.values()
			.stream()
			.map((session) -> new SignedInSession(handle(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(), session.getAttribute(SessionEnd.ADDRESS),
					Browsers.label(session.getAttribute(SessionEnd.BROWSER)), session.getId().equals(currentId)))
			.sorted(Comparator.comparing(SignedInSession::current)
				.reversed()
				.thenComparing(SignedInSession::lastActive, Comparator.reverseOrder()))
			.toList();
	}

	/** Ends the person's session of that handle, unless it is this one; false if none. */
	boolean signOut(String username, String handle, String currentId) {
		return this.sessions.findByPrincipalName(username)
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(currentId) && handle(entry.getKey()).equals(handle))
			.findFirst()
			.map((entry) -> {
				this.sessions.deleteById(entry.getKey());
				return true;
			})
			.orElse(false);
	}

	/** Ends every session of the person but this one; how many. */
	int signOutOthers(String username, String currentId) {
		List<String> others = this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(currentId))
			.toList();
		others.forEach(this.sessions::deleteById);
		return others.size();
	}

	/**
	 * Ends every session of the person, this browser's too if it is one (a new password
	 * chosen through "Forgot your password?"); how many.
	 */
	int signOutEverywhere(String username) {
		List<String> all = List.copyOf(this.sessions.findByPrincipalName(username).keySet());
		all.forEach(this.sessions::deleteById);
		return all.size();
	}

	/**
	 * The ending of a banner's message key for a number of sessions ended: banners carry
	 * their arguments as text, which a choice format cannot count.
	 */
	static String howMany(int sessions) {
		return switch (sessions) {
			case 0 -> "none";
			case 1 -> "one";
			default -> "many";
		};
	}

	private static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
