package com.videocall.admin.web;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The files every page loads besides itself: the style sheet, the script, the icon. They
 * need nothing of the session, and are served without reading it.
 */
final class StaticResources {

	static final RequestMatcher PATHS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/css/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/js/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/favicon.ico"));

	private StaticResources() {
	}

}
