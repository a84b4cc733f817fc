package com.videocall.admin.signin.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.videocall.admin.web.Authorities;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SignInEventPublisher;

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
 * the person asked for before the second step, else the home page. A factor that was the
 * second step a sign-in owed finishes that sign-in ({@code SignedIn}); one confirmed by
 * someone signed in already ("Confirm it's you", or a factor added on "Security") does
 * not.
 */
@Component
class FactorConfirmation {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache pageAskedFor = new HttpSessionRequestCache();

	private final SecondFactorPolicy factors;

	private final Clock clock;

	private final SignInEventPublisher events;

	FactorConfirmation(SecondFactorPolicy factors, Clock clock, SignInEventPublisher events) {
		this.factors = factors;
		this.clock = clock;
		this.events = events;
	}

	void confirm(String factor, boolean setUpNow, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = Authorities.withFactors(
				current.getAuthorities().stream().filter((held) -> !factor.equals(held.getAuthority())).toList(),
				this.clock.instant(), factor);
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
		if (this.factors.missingSecondFactor(current)) {
			this.events.signedIn(((AccountUser) current.getPrincipal()).accountId(), current, factor);
		}
	}

	/**
	 * Where to go after confirming: the page of a change that asked for a fresh factor,
	 * else the page asked for before the second step (a GET), else the home page.
	 */
	String next(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> back = this.factors.takeBack(request);
		if (back.isPresent()) {
			return request.getContextPath() + back.get();
		}
		SavedRequest saved = this.pageAskedFor.getRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/";
	}

}
