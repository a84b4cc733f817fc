package com.videocall.admin.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.videocall.admin.web.SecurityLog.Action;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's throttle: a {@link FailureThrottle} over passwords (see there for
 * the rule); each attempt it refuses is a line in the {@link SecurityLog}. "The account"
 * is the one sign-in finds for the email typed, through the same
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

	private static final String ACCOUNT = SignInThrottle.class.getName() + ".account";

	private final FailureThrottle passwords;

	private final UserDetailsService accounts;

	private final SecurityLog securityLog;

	SignInThrottle(RateLimits limits, UserDetailsService accounts, SignInProperties properties,
			SecurityLog securityLog) {
		this.passwords = new FailureThrottle(limits, "sign-in", properties);
		this.accounts = accounts;
		this.securityLog = securityLog;
	}

	/**
	 * Counts a sign-in attempt before its password is checked; false, counting nothing,
	 * when a limit refuses it.
	 */
	boolean admit(String email, String address) {
		return this.passwords.admit(key(email, find(email)), address);
	}

	/**
	 * The id of the account the sign-in form's email signs in as, which the filter found
	 * for this request; empty for an email no account can sign in with.
	 */
	static Optional<Long> account(HttpServletRequest request) {
		return Optional.ofNullable((Long) request.getAttribute(ACCOUNT));
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
				if (!admit(request)) {
					response.sendRedirect(request.getContextPath() + "/sign-in?locked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * Counts the sign-in form's attempt, keeping the account its email signs in as for
	 * the request ({@link #account}); false, with a line in the security log, when a
	 * limit refuses it.
	 */
	private boolean admit(HttpServletRequest request) {
		String email = request.getParameter("email");
		Optional<UserDetails> account = find(email);
		Long id = account.map((found) -> (found instanceof AccountPrincipal principal) ? principal.accountId() : null)
			.orElse(null);
		request.setAttribute(ACCOUNT, id);
		if (this.passwords.admit(key(email, account), request.getRemoteAddr())) {
			return true;
		}
		this.securityLog.write(Action.SIGN_IN_THROTTLED, "too many wrong passwords", new SecurityLog.User(id, email));
		return false;
	}

	/**
	 * The account sign-in finds for the email. No account's email holds a NUL (PostgreSQL
	 * text cannot), so such an email is not looked up.
	 */
	private Optional<UserDetails> find(String email) {
		String typed = typed(email);
		if (typed.indexOf('\0') >= 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.accounts.loadUserByUsername(typed));
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What the attempt counts against: the account, named by its own email (unique, and
	 * what a successful sign-in's principal carries), else the email as typed.
	 */
	private static String key(String email, Optional<UserDetails> account) {
		return account.map((found) -> "account " + found.getUsername())
			.orElseGet(() -> "unknown " + typed(email).toLowerCase(Locale.ROOT));
	}

	private static String typed(String email) {
		return (email != null) ? email.strip() : "";
	}

}
