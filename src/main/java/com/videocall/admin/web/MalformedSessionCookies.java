package com.videocall.admin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session cookie that cannot name a session is no session cookie: the request goes on
 * as a visitor's, with one WARN line. Spring Session decodes the cookie (Base64) and
 * looks the id up in PostgreSQL; an id that decodes to NUL bytes made PostgreSQL refuse
 * the query, and every page, the probes included, answered 500. Session ids are the UUIDs
 * Spring Session makes; anything else is dropped before it runs.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class MalformedSessionCookies extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(MalformedSessionCookies.class);

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** Base64 of a 36-character id is 48 characters; anything far longer is no id. */
	private static final int MAX_COOKIE_LENGTH = 64;

	private final String cookieName;

	MalformedSessionCookies(@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie[] cookies = request.getCookies();
		if (cookies == null || Arrays.stream(cookies).allMatch(this::acceptable)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			logger.warn("Ignored a malformed session cookie on {} {}", request.getMethod(),
					MalformedParametersFilter.loggedPath(request));
		}
		Cookie[] kept = Arrays.stream(cookies).filter(this::acceptable).toArray(Cookie[]::new);
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public Cookie[] getCookies() {
				return (kept.length > 0) ? kept.clone() : null;
			}

		}, response);
	}

	/**
	 * Also when an error page is rendered: Spring Session reads the cookie again for that
	 * dispatch.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private boolean acceptable(Cookie cookie) {
		return !this.cookieName.equals(cookie.getName()) || isSessionId(cookie.getValue());
	}

	private static boolean isSessionId(String cookieValue) {
		if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH) {
			return false;
		}
		try {
			return SESSION_ID.matcher(new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.ISO_8859_1))
				.matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
