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
 * Slows password guessing down without letting anyone lock an account's owner out. With
 * the defaults of {@link SignInProperties}, within 15 minutes:
 * <ul>
 * <li>one address, one account: after 5 failures that address may not try that account
 * again, not even with the right password; every other address still signs in;</li>
 * <li>one account, all addresses: after 20 failures (guessing spread over many addresses)
 * each address gets one failure for that account instead of 5, which slows a distributed
 * attack down while the owner, from an address that has not failed, still signs in;</li>
 * <li>one address, all accounts: after 50 failures, unknown emails included (one password
 * tried on many accounts), that address may not sign in at all; only it is affected.</li>
 * </ul>
 * "The account" is the one sign-in finds for the email typed, through the same
 * {@link UserDetailsService}: every spelling that signs in as an account (any case, or a
 * Unicode variant equal to its email under PostgreSQL's lower(), which also keeps emails
 * unique) counts against that account. An email no account can sign in with counts as
 * typed, so being refused says nothing about which accounts exist.
 * <p>
 * Each attempt is counted before its password is checked, so parallel attempts cannot
 * slip past a limit, and handed back when it succeeds; success also clears that address's
 * failures for that account. Counts live in PostgreSQL ({@link RateLimits}) and hold
 * across instances (S1). The address is {@code request.getRemoteAddr()}, which the
 * servlet container takes from a trusted proxy's X-Forwarded-For only when
 * {@code server.forward-headers-strategy} says so (S3).
 */
@Component
class SignInThrottle {

	private final RateLimits limits;

	private final UserDetailsService accounts;

	private final RateLimit byAccountAndAddress;

	private final RateLimit byAccount;

	private final RateLimit byAddress;

	SignInThrottle(RateLimits limits, UserDetailsService accounts, SignInProperties properties) {
		this.limits = limits;
		this.accounts = accounts;
		this.byAccountAndAddress = new RateLimit("sign-in.account-address", properties.failuresPerAccountAndAddress(),
				properties.window());
		this.byAccount = new RateLimit("sign-in.account", properties.failuresPerAccount(), properties.window());
		this.byAddress = new RateLimit("sign-in.address", properties.failuresPerAddress(), properties.window());
	}

	/**
	 * Counts a sign-in attempt before its password is checked; false, counting nothing,
	 * when a limit refuses it.
	 */
	boolean admit(String email, String address) {
		String account = account(email);
		if (!this.limits.tryAcquire(this.byAddress, address)) {
			return false;
		}
		RateLimit pair = (this.limits.count(this.byAccount, account) >= this.byAccount.max())
				? this.byAccountAndAddress.withMax(1) : this.byAccountAndAddress;
		if (!this.limits.tryAcquire(pair, pair(account, address))) {
			this.limits.release(this.byAddress, address);
			return false;
		}
		this.limits.record(this.byAccount, account);
		return true;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			String account = "account " + event.getAuthentication().getName();
			String address = details.getRemoteAddress();
			this.limits.reset(this.byAccountAndAddress, pair(account, address));
			this.limits.release(this.byAccount, account);
			this.limits.release(this.byAddress, address);
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

	private static String pair(String account, String address) {
		return address + " " + account;
	}

}
