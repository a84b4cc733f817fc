package com.videocall.admin.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose parameters cannot be decoded (invalid UTF-8 or percent
 * encoding, too many of them) with the "bad request" page and one WARN line (X7). Tomcat
 * decodes parameters when something first asks for one and throws when it cannot; thrown
 * inside Spring Security's filters or a controller, that reached the servlet container,
 * which logged a client's mistake as an ERROR with its stack trace. Asking here, before
 * anything else runs, keeps it a client error.
 * <p>
 * A file sent to one of the {@link UploadForms} past the servlet's multipart limits (the
 * file or the whole request too large) is no malformed request but a person's choice of
 * file: the browser is sent back to the form's page, which says so, and one INFO line is
 * logged.
 */
@Component
// Right after Spring Boot's CharacterEncodingFilter (the highest precedence): parameters
// decoded before it would be read as ISO-8859-1.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedParametersFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(MalformedParametersFilter.class);

	private static final int MAX_LOGGED_PATH = 200;

	/**
	 * Paths of emailed links, whose token follows: an invitation's, a password reset's.
	 */
	private static final List<String> LINK_PATHS = List.of("/invitation/", "/password-reset/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			String form = (ex.getCause() instanceof SizeException) ? UploadForms.tooLarge(request) : null;
			if (form != null) {
				logger.info("Sent {} {} back to its form: the file is past the multipart limits (Content-Length {})",
						request.getMethod(), loggedPath(request), request.getContentLengthLong());
				response.sendRedirect(form);
				return;
			}
			// Not the exception's message: it quotes the parameter, which may be a
			// password.
			logger.warn("Refused {} {}: its parameters cannot be decoded", request.getMethod(), loggedPath(request));
			response.sendError(ex.getErrorCode());
			return;
		}
		chain.doFilter(request, response);
	}

	/** The path as sent (percent-encoded, so one line), without a link's token. */
	static String loggedPath(HttpServletRequest request) {
		String path = request.getRequestURI();
		for (String linkPath : LINK_PATHS) {
			if (path.startsWith(linkPath)) {
				return linkPath + "…";
			}
		}
		return (path.length() > MAX_LOGGED_PATH) ? path.substring(0, MAX_LOGGED_PATH) + "…" : path;
	}

}
