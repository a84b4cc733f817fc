package com.videocall.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One visitor's session across MockMvc requests, as a browser keeps it: by its cookie.
 * Sessions live in PostgreSQL (Spring Session), which finds them by the cookie alone, so
 * MockMvc's {@code .session(...)} no longer carries one from request to request. Send the
 * cookie with {@code .with(cookie)} and keep what the response set with
 * {@code .andDo(cookie)}.
 */
public final class SessionCookie implements RequestPostProcessor, ResultHandler {

	/** The session cookie's name (Spring Session's). */
	public static final String NAME = "SESSION";

	private Cookie cookie;

	/**
	 * The session a response started or kept, e.g. to follow a redirect in it and see the
	 * banner it carries (kept in the session until the next page).
	 */
	public static SessionCookie of(MvcResult result) {
		SessionCookie session = new SessionCookie();
		session.handle(result);
		return session;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (this.cookie != null) {
			// Beside the request's other cookies, in place of any session cookie it had.
			Stream<Cookie> others = (request.getCookies() != null)
					? Arrays.stream(request.getCookies()).filter((other) -> !NAME.equals(other.getName()))
					: Stream.empty();
			request.setCookies(Stream.concat(others, Stream.of(this.cookie)).toArray(Cookie[]::new));
		}
		return request;
	}

	@Override
	public void handle(MvcResult result) {
		Cookie set = result.getResponse().getCookie(NAME);
		if (set != null) {
			this.cookie = (set.getMaxAge() == 0) ? null : set;
		}
	}

	/**
	 * The id of the session the cookie names, as Spring Session stores it (the cookie
	 * holds it Base64-encoded); null before a response has set one.
	 */
	public String id() {
		return (this.cookie != null)
				? new String(Base64.getDecoder().decode(this.cookie.getValue()), StandardCharsets.UTF_8) : null;
	}

}
