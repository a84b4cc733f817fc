package com.videocall.admin.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, which every log line written while the request is handled
 * carries (MDC key {@code requestId}; a field of its own in JSON logs) and the response
 * returns in {@code X-Request-Id}. An id that a proxy or client sends in that header is
 * kept when it is sane, 1 to 64 letters, digits, '.', '_', ':' or '-' (a UUID, nginx's
 * {@code $request_id}); anything else is replaced by a new UUID, so nobody writes into
 * the logs through it. The error page rendered after the request keeps the same id.
 */
@Component
// Before everything that may log: right after Spring Boot's CharacterEncodingFilter.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = saneOrNew(request.getHeader(HEADER));
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/** The error page is part of the request: its log lines carry the same id. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String saneOrNew(String sent) {
		return (sent != null && SANE.matcher(sent).matches()) ? sent : newId();
	}

	/**
	 * A random (version 4) UUID from the thread's own generator. An id names a request in
	 * the logs and guards nothing, so it needs no {@code SecureRandom}, whose one shared
	 * generator every request thread would wait for in turn.
	 */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(3L << 62)) | (1L << 63);
		return new UUID(high, low).toString();
	}

}
