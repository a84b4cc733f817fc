package com.videocall.admin.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's throttle: a {@link FailureThrottle} over passwords (see there for
 * the rule). "The account" is the one sign-in finds for the email typed, through the same
 * {@link UserDetailsService}: every spelling that signs in as an account (any case, or a
 * Unicode variant equal to its email under PostgreSQL's lower(), which also keeps emails
 * unique) counts against that account. An email no account can sign in with counts as
 * typed, and counts against the address like any other, so being refused says nothing
 * about which accounts exist. The address is {@code request.getRemoteAddr()}, which the
 * servlet container takes from a trusted proxy's X-Forwarded-For only when
 * {@code server.forward-headers-strategy} says so (S3).
 */
@Component
class SignInThrottle {

	private final FailureThrottle passwords;

	private final UserDetailsService accounts;

	SignInThrottle(RateLimits limits, UserDetailsService accounts, SignInProperties properties) {
		this.passwords = new FailureThrottle(limits, "sign-in", properties);
		this.accounts = accounts;
	}

	/**
	 * Counts a sign-in attempt before its password is checked; false, counting nothing,
	 * when a limit refuses it.
	 */
	boolean admit(String email, String address) {
		return this.passwords.admit(account(email), address);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.passwords.succeeded("account " + event.getAuthentication().getName(), details.getRemoteAddress());
		}
	}

	/**
	 * The filter that counts each sign-in POST, or refuses it while it is throttled. It
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
				if (!admit(request.getParameter("email"), request.getRemoteAddr())) {
					response.sendRedirect(request.getContextPath() + "/sign-in?locked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * The account sign-in finds for the email, named by its own email (unique, and what a
	 * successful sign-in's principal carries), else the email as typed. No account's
	 * email holds a NUL (PostgreSQL text cannot), so such an email is not looked up.
	 */
	private String account(String email) {
		String typed = (email != null) ? email.strip() : "";
		if (typed.indexOf('\0') < 0) {
			try {
				return "account " + this.accounts.loadUserByUsername(typed).getUsername();
			}
			catch (UsernameNotFoundException ex) {
				// Counted as typed, below.
			}
		}
		return "unknown " + typed.toLowerCase(Locale.ROOT);
	}

}
