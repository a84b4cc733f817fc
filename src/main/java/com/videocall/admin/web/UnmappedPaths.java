package com.videocall.admin.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests for a path that no controller maps, with any method. Signed-in people get the
 * dispatcher's "not found" page for them rather than "not allowed", while every mapped
 * path still needs a rule of its own in the security configuration, or is denied. The
 * actuator's paths are such paths on the application's port: its endpoints answer on the
 * management port only.
 */
final class UnmappedPaths implements RequestMatcher {

	private final RequestMatcher mapped;

	UnmappedPaths(RequestMappingHandlerMapping controllers) {
		this.mapped = new OrRequestMatcher(controllers.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((mapping) -> mapping.getPatternValues().stream())
			.distinct()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return !this.mapped.matches(request);
	}

}
