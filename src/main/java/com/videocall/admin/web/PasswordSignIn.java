package com.videocall.admin.web;

import java.util.Optional;

import com.videocall.admin.web.SecurityLog.Action;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * What the sign-in form's password leads to. Right: the session is marked signed in
 * (SI6), the sign-in is published as finished unless a second factor is owed (the second
 * step publishes it then), and the person goes to the page they asked for. Wrong, or an
 * account that is not active: one line in the {@link SecurityLog}, a
 * {@link SignInEvents.SignInRefused} when the email is an account's (the throttle found
 * it, {@link SignInThrottle#account}), and the same answer whatever the reason.
 */
@Component
class PasswordSignIn {

	private final SessionEnd sessionEnd;

	private final SecondFactorPolicy factors;

	private final SignInEventPublisher events;

	private final SecurityLog securityLog;

	PasswordSignIn(SessionEnd sessionEnd, SecondFactorPolicy factors, SignInEventPublisher events,
			SecurityLog securityLog) {
		this.sessionEnd = sessionEnd;
		this.factors = factors;
		this.events = events;
		this.securityLog = securityLog;
	}

	AuthenticationSuccessHandler succeeded() {
		SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();
		toPageAskedFor.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			this.sessionEnd.markSignedIn(request, response);
			if (!this.factors.missingSecondFactor(authentication)
					&& authentication.getPrincipal() instanceof AccountPrincipal account) {
				this.events.signedIn(account.accountId(), SignInEventPublisher.PASSWORD);
			}
			toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failed() {
		AuthenticationFailureHandler toSignInPage = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
		return (request, response, exception) -> {
			Optional<Long> account = SignInThrottle.account(request);
			Optional<String> refusal = refusal(exception, account.isPresent());
			this.securityLog.write(Action.SIGN_IN_FAILED,
					refusal.orElse("not checked: " + exception.getClass().getSimpleName()),
					new SecurityLog.User(account.orElse(null), request.getParameter("email")));
			if (account.isPresent() && refusal.isPresent()) {
				this.events.refused(account.get(), refusal.get());
			}
			toSignInPage.onAuthenticationFailure(request, response, exception);
		};
	}

	/**
	 * Why the sign-in was refused, if it was for what was typed (rather than, say, the
	 * database being unreachable).
	 */
	private static Optional<String> refusal(AuthenticationException exception, boolean accountFound) {
		if (exception instanceof DisabledException) {
			return Optional.of("account not active");
		}
		if (exception instanceof BadCredentialsException) {
			return Optional.of(accountFound ? "wrong password" : "unknown email");
		}
		return Optional.empty();
	}

}
