package com.videocall.admin.signin.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.SecondFactorPolicy;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Adds a confirmed second factor to the sign-in, as Spring Security records factors (a
 * {@link FactorGrantedAuthority} with the time it was confirmed), saves it in the session
 * under a new session id (the sign-in's rights grew), and says where to go next: the page
 * the person asked for before the second step, else the home page.
 */
@Component
class FactorConfirmation {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache pageAskedFor = new HttpSessionRequestCache();

	/** How recently a factor must have been confirmed for a change to factors. */
	static final Duration FRESH = Duration.ofMinutes(5);

	private static final String BACK = FactorConfirmation.class.getName() + ".back";

	private final SecondFactorPolicy factors;

	private final Clock clock;

	FactorConfirmation(SecondFactorPolicy factors, Clock clock) {
		this.factors = factors;
		this.clock = clock;
	}

	void confirm(String factor, boolean setUpNow, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities.removeIf((held) -> factor.equals(held.getAuthority()));
		authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(this.clock.instant()).build());
		if (setUpNow && authorities.stream()
			.noneMatch((held) -> Authorities.SECOND_FACTOR_SET_UP.equals(held.getAuthority()))) {
			authorities.add(new SimpleGrantedAuthority(Authorities.SECOND_FACTOR_SET_UP));
		}
		UsernamePasswordAuthenticationToken confirmed = UsernamePasswordAuthenticationToken
			.authenticated(current.getPrincipal(), null, authorities);
		confirmed.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(confirmed);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	/**
	 * Where to go after confirming: the page of a change that asked for a fresh factor,
	 * else the page asked for before the second step (a GET), else the home page.
	 */
	String next(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		String back = (session != null) ? (String) session.getAttribute(BACK) : null;
		if (back != null) {
			session.removeAttribute(BACK);
			return request.getContextPath() + back;
		}
		SavedRequest saved = this.pageAskedFor.getRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/";
	}

	/**
	 * Whether this sign-in confirmed a second factor in the last 5 minutes, which changes
	 * to factors need (SI3, SI7); if not, the person is to confirm one, then come back to
	 * {@code back} (a path of this application) and do it again.
	 */
	boolean fresh(HttpServletRequest request, String back) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (this.factors.confirmedSecondFactorSince(current, this.clock.instant().minus(FRESH))) {
			return true;
		}
		request.getSession().setAttribute(BACK, back);
		return false;
	}

}
