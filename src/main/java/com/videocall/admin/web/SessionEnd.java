package com.videocall.admin.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions that end by themselves (SI6), and what the person sees next. Spring Session
 * ends a session {@code app.sessions.idle-timeout} after its last request; the filter
 * here ends it {@code app.sessions.absolute-timeout} after sign-in, whose time the
 * session keeps (by the application's clock). Either way the next page that needs a
 * signed-in person is the sign-in page with the banner saying why ({@code ?timed-out} or
 * {@code ?ended}); Spring Security keeps the page asked for (a GET) and returns there
 * after signing in. A form posted into an ended session (its CSRF token went with the
 * session) gets the same banner, and is not replayed.
 * <p>
 * Whether a session that no longer exists was a signed-in one cannot be read from the
 * database once it is gone, so signing in also sets a small cookie, {@code SIGNED_IN}
 * (HttpOnly, no value of note), which signing out removes: a request with it and a
 * session id that names no session is one whose session timed out.
 */
@Component
public class SessionEnd {

	/** The cookie that says this browser was signed in. */
	public static final String SIGNED_IN_COOKIE = "SIGNED_IN";

	private static final Logger logger = LoggerFactory.getLogger(SessionEnd.class);

	private static final String ENDED = SessionEnd.class.getName() + ".ended";

	private static final String SIGNED_IN_AT = SessionEnd.class.getName() + ".signedInAt";

	/**
	 * The session attribute holding the client address it signed in from ("Security").
	 */
	public static final String ADDRESS = SessionEnd.class.getName() + ".address";

	/** The session attribute holding its browser's User-Agent, at most 300 characters. */
	public static final String BROWSER = SessionEnd.class.getName() + ".browser";

	private static final int BROWSER_KEPT = 300;

	private final SessionTimeouts timeouts;

	private final Clock clock;

	SessionEnd(SessionTimeouts timeouts, Clock clock) {
		this.timeouts = timeouts;
		this.clock = clock;
	}

	/**
	 * Marks the session and the browser as signed in now (after any successful sign-in,
	 * once the session has its new id), keeping where from for the person's "Security"
	 * page.
	 */
	public void markSignedIn(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		session.setAttribute(SIGNED_IN_AT, this.clock.instant());
		session.setAttribute(ADDRESS, request.getRemoteAddr());
		String browser = request.getHeader("User-Agent");
		session.setAttribute(BROWSER,
				(browser != null) ? browser.substring(0, Math.min(browser.length(), BROWSER_KEPT)) : null);
		Cookie cookie = new Cookie(SIGNED_IN_COOKIE, "1");
		cookie.setPath(request.getContextPath() + "/");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	/**
	 * The filter that ends a session past its absolute timeout before anything reads it;
	 * the request then goes on as a visitor's.
	 */
	OncePerRequestFilter absoluteTimeout() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				Instant signedIn = (session != null) ? (Instant) session.getAttribute(SIGNED_IN_AT) : null;
				if (signedIn != null && !signedIn.plus(SessionEnd.this.timeouts.absoluteTimeout())
					.isAfter(SessionEnd.this.clock.instant())) {
					Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
					SessionEnd.logger.info("Session of {} ended {} after signing in",
							(authentication != null) ? authentication.getName() : "nobody",
							SessionEnd.this.timeouts.absoluteTimeout());
					session.invalidate();
					SecurityContextHolder.clearContext();
					request.setAttribute(ENDED, Boolean.TRUE);
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * Why a request needs signing in again: "ended" (absolute timeout), "timed-out"
	 * (idle), or nothing (the person was never signed in, or signed out).
	 */
	Optional<String> reason(HttpServletRequest request) {
		if (request.getAttribute(ENDED) != null) {
			return Optional.of("ended");
		}
		boolean wasSignedIn = request.getCookies() != null
				&& Arrays.stream(request.getCookies()).anyMatch((cookie) -> SIGNED_IN_COOKIE.equals(cookie.getName()));
		if (wasSignedIn && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
			return Optional.of("timed-out");
		}
		return Optional.empty();
	}

	/** The sign-in page, with the banner saying why when the session ended by itself. */
	AuthenticationEntryPoint signInPage() {
		return (request, response, exception) -> toSignIn(request, response);
	}

	/** Sends the person to sign in, saying why if their session ended by itself. */
	void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<String> reason = reason(request);
		if (reason.isPresent()) {
			Cookie gone = new Cookie(SIGNED_IN_COOKIE, "");
			gone.setPath(request.getContextPath() + "/");
			gone.setMaxAge(0);
			response.addCookie(gone);
		}
		response.sendRedirect(request.getContextPath() + "/sign-in" + reason.map((why) -> "?" + why).orElse(""));
	}

}
