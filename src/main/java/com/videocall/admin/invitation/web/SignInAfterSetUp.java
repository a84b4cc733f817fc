package com.videocall.admin.invitation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SessionEnd;
import com.videocall.admin.web.SignInEventPublisher;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in right after they set up their account, in a new session (I3), which
 * ends by itself like any other (SI6). The sign-in is published ({@code SignedIn},
 * "account set-up") unless it owes a second factor, whose step publishes it.
 */
@Component
class SignInAfterSetUp {

	private final UserDetailsService accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SessionEnd sessionEnd;

	private final SecondFactorPolicy factors;

	private final SignInEventPublisher events;

	SignInAfterSetUp(UserDetailsService accounts, SessionEnd sessionEnd, SecondFactorPolicy factors,
			SignInEventPublisher events) {
		this.accounts = accounts;
		this.sessionEnd = sessionEnd;
		this.factors = factors;
		this.events = events;
	}

	void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		UserDetails user = this.accounts.loadUserByUsername(email);
		// As form sign-in does: the session, stored in PostgreSQL, keeps no password
		// hash.
		if (user instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		// Its sign-in time and the browser's mark, as form sign-in keeps them (SI6).
		this.sessionEnd.markSignedIn(request, response);
		if (!this.factors.missingSecondFactor(signedIn)) {
			this.events.signedIn(((AccountUser) user).accountId(), SignInEventPublisher.ACCOUNT_SET_UP);
		}
	}

}
