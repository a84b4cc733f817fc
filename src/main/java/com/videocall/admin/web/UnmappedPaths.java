package com.videocall.admin.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests for a path that no controller maps, with any method, and that is not under
 * {@code /actuator}. Signed-in people get the dispatcher's "not found" page for them
 * rather than "not allowed", while every mapped path still needs a rule of its own in the
 * security configuration, or is denied.
 */
final class UnmappedPaths implements RequestMatcher {

	private final RequestMatcher mapped;

	UnmappedPaths(RequestMappingHandlerMapping controllers) {
		List<RequestMatcher> patterns = controllers.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((mapping) -> mapping.getPatternValues().stream())
			.distinct()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList();
		// Actuator endpoints are mapped elsewhere: all of them count as mapped.
		this.mapped = new OrRequestMatcher(new OrRequestMatcher(patterns),
				PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return !this.mapped.matches(request);
	}

}
