package com.videocall.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who must confirm a second factor after the password before any page (SI1, SI2): with
 * {@code app.sign-in.second-factor=required} (the default) every administrator, and
 * anyone who has set a second factor up whatever the setting. Until then they reach the
 * pages of the sign-in's second step and "Sign out", nothing else. The {@code prod}
 * profile refuses to start with {@code optional} unless
 * {@code app.sign-in.allow-optional-second-factor-in-prod} is true.
 */
@Component
public class SecondFactorPolicy {

	private static final Set<String> SECOND_FACTORS = Set.of(Authorities.AUTHENTICATOR_APP_FACTOR,
			Authorities.RECOVERY_CODE_FACTOR, Authorities.PASSKEY_FACTOR, Authorities.PROVIDER_SECOND_FACTOR);

	/**
	 * How recently a second factor must have been confirmed for a change to factors (SI3,
	 * SI7).
	 */
	public static final Duration FRESH = Duration.ofMinutes(5);

	private static final String BACK = SecondFactorPolicy.class.getName() + ".back";

	private final boolean required;

	private final Clock clock;

	SecondFactorPolicy(SignInProperties properties, Environment environment, Clock clock) {
		this.required = properties.secondFactor() == SignInProperties.SecondFactor.REQUIRED;
		this.clock = clock;
		if (!this.required && !properties.allowOptionalSecondFactorInProd()
				&& environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile does not start with app.sign-in.second-factor=optional "
					+ "unless app.sign-in.allow-optional-second-factor-in-prod=true");
		}
	}

	/**
	 * Signed in with the password, but the second factor this account needs is missing.
	 */
	public boolean missingSecondFactor(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated() || confirmedSecondFactor(authentication)) {
			return false;
		}
		return owesSecondFactor(authentication);
	}

	/**
	 * Whether each sign-in of this account confirms a second factor: it has one set up,
	 * or it is an administrator's where the setting requires one.
	 */
	private boolean owesSecondFactor(Authentication authentication) {
		return holds(authentication, Authorities.SECOND_FACTOR_SET_UP)
				|| (this.required && holds(authentication, Authorities.ADMINISTRATOR));
	}

	/**
	 * Whether this sign-in confirmed a second factor (or a passkey, which is two, or a
	 * provider's sign-in whose ID token says it was two).
	 */
	public boolean confirmedSecondFactor(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(SECOND_FACTORS::contains);
	}

	/**
	 * Whether this sign-in confirmed a second factor in the last 5 minutes, which changes
	 * to factors and big changes need (SI3, SI7), or has none to confirm where none is
	 * required; if not, the person is to confirm one ("Confirm it's you"), after which
	 * they come back to {@code back} (a path of this application) to do it again.
	 */
	public boolean freshOrConfirmFirst(HttpServletRequest request, String back) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean fresh = nothingToConfirm(authentication) || fresh(authentication);
		if (!fresh) {
			request.getSession().setAttribute(BACK, back);
		}
		return fresh;
	}

	/**
	 * Someone with no factor, where the setting requires none of them: there is nothing
	 * they could confirm.
	 */
	private boolean nothingToConfirm(Authentication authentication) {
		return authentication != null && !owesSecondFactor(authentication) && !confirmedSecondFactor(authentication);
	}

	private boolean fresh(Authentication authentication) {
		Instant since = this.clock.instant().minus(FRESH);
		return authentication != null && authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.anyMatch((factor) -> SECOND_FACTORS.contains(factor.getAuthority())
					&& !factor.getIssuedAt().isBefore(since));
	}

	/**
	 * Who may add a factor where the page cannot send them to confirm one first (a
	 * passkey's registration, posted by script): someone signed in who has no factor yet
	 * (setting one up, SI2), or who confirmed one in the last 5 minutes (SI3).
	 */
	public AuthorizationManager<RequestAuthorizationContext> addingFactors() {
		return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
			Authentication signedIn = authentication.get();
			boolean signedInAtAll = signedIn != null && signedIn.isAuthenticated()
					&& !(signedIn instanceof AnonymousAuthenticationToken);
			return new AuthorizationDecision(
					signedInAtAll && (!holds(signedIn, Authorities.SECOND_FACTOR_SET_UP) || fresh(signedIn)));
		};
	}

	/**
	 * The page to come back to after "Confirm it's you", if a change sent the person
	 * there.
	 */
	public Optional<String> takeBack(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String back = (session != null) ? (String) session.getAttribute(BACK) : null;
		if (back != null) {
			session.removeAttribute(BACK);
		}
		return Optional.ofNullable(back);
	}

	/** The rule, refusing anyone still missing their second factor before asking it. */
	public AuthorizationManager<RequestAuthorizationContext> afterSecondFactor(
			AuthorizationManager<RequestAuthorizationContext> rule) {
		return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
			if (missingSecondFactor(authentication.get())) {
				return new AuthorizationDecision(false);
			}
			AuthorizationResult result = rule.authorize(authentication, context);
			return (result != null) ? result : new AuthorizationDecision(false);
		};
	}

	static boolean holds(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch((held) -> authority.equals(held.getAuthority()));
	}

}
