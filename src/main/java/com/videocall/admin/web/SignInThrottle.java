package com.videocall.admin.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after 5 failed sign-ins for one email, or 50 from one
 * address, within 15 minutes, further attempts are refused without being checked until
 * the window has passed. Counts failures from Spring Security's authentication events.
 */
@Component
class SignInThrottle {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private final RateLimiter byEmail;

	private final RateLimiter byAddress;

	SignInThrottle(Clock clock) {
		this.byEmail = new RateLimiter(5, WINDOW, clock);
		this.byAddress = new RateLimiter(50, WINDOW, clock);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		this.byEmail.record(key(event.getAuthentication().getName()));
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.byAddress.record(details.getRemoteAddress());
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.byEmail.reset(key(event.getAuthentication().getName()));
	}

	/**
	 * The filter that refuses a sign-in POST while its email or address is throttled. It
	 * matches requests the way form login does, whatever the servlet path.
	 */
	OncePerRequestFilter filter() {
		RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-in");
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !signIn.matches(request);
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String email = request.getParameter("email");
				if (SignInThrottle.this.byAddress.isLimited(request.getRemoteAddr())
						|| (email != null && SignInThrottle.this.byEmail.isLimited(key(email)))) {
					response.sendRedirect(request.getContextPath() + "/sign-in?locked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	private static String key(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
