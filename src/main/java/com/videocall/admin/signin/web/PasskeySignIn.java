package com.videocall.admin.signin.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.account.AccountsSigningIn;
import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SessionEnd;
import com.videocall.admin.web.SignInEventPublisher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Signing in with a passkey (SI1), on the sign-in page or as the second step after the
 * password ("Use a passkey"), through Spring Security's WebAuthn filters. What this adds
 * to them: the sign-in is the account's own, as a password sign-in makes it (its
 * {@code AccountUser} and authorities, refused for an account that is not active, which
 * Spring's provider does not check; an account set up with single sign-on has no password
 * but may have passkeys), holding a passkey factor dated now; the session id changes; a
 * new sign-in starts the session's clock (SI6); and the answer names the page to go to
 * next as the second step's other factors do. The options of a registration wait in the
 * session as {@link SessionCreationOptions}. A sign-in it finishes is published
 * ({@code SignedIn}: "passkey", or "password and passkey" as the second step; "Confirm
 * it's you" is none); a passkey refused is a line in the security log, and refuses the
 * sign-in of the account whose second step it was.
 */
@Component
class PasskeySignIn implements Customizer<WebAuthnConfigurer<HttpSecurity>> {

	private static final String SECOND_STEP = PasskeySignIn.class.getName() + ".secondStep";

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** A new CSRF token at sign-in, as form login's session strategy makes one. */
	private final CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(
			new HttpSessionCsrfTokenRepository());

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final AccountsSigningIn accounts;

	private final SessionEnd sessionEnd;

	private final FactorConfirmation confirmation;

	private final Clock clock;

	private final SecondFactorPolicy factors;

	private final SecurityLog securityLog;

	private final SignInEventPublisher events;

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, AccountsSigningIn accounts, SessionEnd sessionEnd,
			FactorConfirmation confirmation, Clock clock, SecondFactorPolicy factors, SecurityLog securityLog,
			SignInEventPublisher events) {
		this.relyingParty = relyingParty;
		this.accounts = accounts;
		this.sessionEnd = sessionEnd;
		this.confirmation = confirmation;
		this.clock = clock;
		this.factors = factors;
		this.securityLog = securityLog;
		this.events = events;
	}

	@Override
	public void customize(WebAuthnConfigurer<HttpSecurity> passkeys) {
		passkeys.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(new SessionCreationOptions())
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <F extends WebAuthnAuthenticationFilter> F postProcess(F filter) {
					filter.setAuthenticationManager(PasskeySignIn.this::authenticate);
					filter.setSessionAuthenticationStrategy(PasskeySignIn.this::newSessionId);
					filter.setAuthenticationSuccessHandler(PasskeySignIn.this::signedIn);
					return filter;
				}
			});
	}

	private Authentication authenticate(Authentication attempt) {
		PublicKeyCredentialUserEntity user;
		try {
			user = this.relyingParty.authenticate(((WebAuthnAuthenticationRequestToken) attempt).getWebAuthnRequest());
		}
		catch (RuntimeException ex) {
			// An unknown credential, or webauthn4j's verification failures (origin,
			// relying party, challenge, signature, user verification), each its own
			// runtime exception.
			refused();
			throw new BadCredentialsException("The passkey did not sign in", ex);
		}
		Optional<AccountUser> account = this.accounts.activeAccount(user.getName());
		if (account.isEmpty()) {
			this.securityLog.write(Action.SIGN_IN_FAILED, "account not active", SecurityLog.User.typed(user.getName()));
			throw new DisabledException("The account cannot sign in");
		}
		return UsernamePasswordAuthenticationToken.authenticated(account.get(), null, Authorities
			.withFactors(account.get().getAuthorities(), this.clock.instant(), Authorities.PASSKEY_FACTOR));
	}

	/**
	 * A passkey refused: a line in the security log, about whoever is signed in already
	 * (the second step, or "Confirm it's you"), whose sign-in it refuses if it owed the
	 * second step.
	 */
	private void refused() {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		this.securityLog.write(Action.SIGN_IN_FAILED, "passkey refused", SecurityLog.User.signedIn(before));
		if (this.factors.missingSecondFactor(before) && before.getPrincipal() instanceof AccountUser account) {
			this.events.refused(account.accountId(), "passkey refused");
		}
	}

	/**
	 * A new session id and CSRF token, as every sign-in gets; notes whether this was the
	 * second step (or "Confirm it's you") of the account already signed in (the context
	 * still holds it here), and publishes the sign-in it finishes.
	 */
	private void newSessionId(Authentication signedIn, HttpServletRequest request, HttpServletResponse response) {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		boolean secondStep = this.trust.isAuthenticated(before) && before.getName().equals(signedIn.getName());
		request.setAttribute(SECOND_STEP, secondStep);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.newCsrfToken.onAuthentication(signedIn, request, response);
		long accountId = ((AccountUser) signedIn.getPrincipal()).accountId();
		if (!secondStep) {
			this.events.signedIn(accountId, SignInEventPublisher.PASSKEY);
		}
		else if (this.factors.missingSecondFactor(before)) {
			this.events.signedIn(accountId, before, Authorities.PASSKEY_FACTOR);
		}
	}

	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
			throws IOException {
		if (!Boolean.TRUE.equals(request.getAttribute(SECOND_STEP))) {
			this.sessionEnd.markSignedIn(request, response);
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JsonMapper.shared()
			.writeValue(response.getOutputStream(),
					Map.of("authenticated", true, "redirectUrl", this.confirmation.next(request, response)));
	}

}
