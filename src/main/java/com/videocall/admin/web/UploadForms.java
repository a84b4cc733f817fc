package com.videocall.admin.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Forms that send a file, and what a person gets who sends one past the servlet's
 * multipart limits ({@code spring.servlet.multipart.*}). Such a request is refused before
 * Spring Security and the controller, which cannot read its fields (not even the CSRF
 * token), so no page can answer it; {@link MalformedParametersFilter} sends the browser
 * back to the form's page instead, at the same address with {@code upload=too-large}
 * added to its query, and the page shows that as its error summary. The page is then a
 * GET like any other, with a CSRF token of the session, so the next file is sent as
 * usual. The form keeps what its page needs in its address ({@code ?area=12}): the body
 * of a refused request is never parsed. Tomcat reads the rest of it and throws it away,
 * up to {@code server.tomcat.max-swallow-size}, before the connection is used again or
 * closed: a browser still sending the file when the connection closes never shows the
 * answer (Chromium sends the request again, then shows its own error).
 */
public final class UploadForms {

	/** The query parameter a form's page is sent back with. */
	public static final String PARAMETER = "upload";

	/** Its value: the file was larger than the servlet's limits. */
	public static final String TOO_LARGE = "too-large";

	/** The forms' paths; each form's page answers a GET at the path the form posts to. */
	private static final List<String> PATHS = List.of("/users/import");

	/** A longer query (not one of the forms') is dropped, to keep the redirect short. */
	private static final int MAX_KEPT_QUERY = 200;

	private UploadForms() {
	}

	/**
	 * The address of the form's page with {@code upload=too-large}, for a request sent to
	 * one of the forms, or {@code null}.
	 */
	static String tooLarge(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (!"POST".equals(request.getMethod()) || !PATHS.contains(path)) {
			return null;
		}
		String query = request.getQueryString();
		String kept = (query == null || query.isEmpty() || query.length() > MAX_KEPT_QUERY) ? "" : query + "&";
		return path + "?" + kept + PARAMETER + "=" + TOO_LARGE;
	}

}
