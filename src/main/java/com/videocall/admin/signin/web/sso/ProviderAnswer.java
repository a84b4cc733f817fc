package com.videocall.admin.signin.web.sso;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.account.AccountsSigningIn;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.invitation.InvitationAcceptance;
import com.videocall.admin.invitation.InvitationAcceptance.ProviderSetUp;
import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.FormText;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SessionEnd;
import com.videocall.admin.web.SignInEventPublisher;
import com.videocall.admin.web.SingleSignOnProviders;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMapManager;

/**
 * What a provider's answer leads to (SI5). Spring Security has checked it (state, nonce,
 * PKCE, the ID token's signature, issuer, audience and expiry) and changed the session
 * id; nobody is signed in yet. Only an email the provider verified counts, in any case:
 * it signs in the active account of that email, with the same rights as a password
 * sign-in, the provider's sign-in as one factor and, when its ID token says so
 * ({@link ProviderFactors}), as the second too; otherwise the second step follows as
 * after a password. No account is ever created: an unknown email is told to ask for an
 * invitation, which is said only once the provider has proved the email is theirs.
 * <p>
 * When the person came from an invitation link's "Set up with …", the verified email must
 * be the invited address: the account is then set up without a password and signed in;
 * another address changes nothing.
 * <p>
 * A sign-in refused (no verified email, no active account, the provider's answer refused)
 * is a line in the security log; one finished here is published ({@code SignedIn},
 * "single sign-on"), and one that owes its second step is published by that step.
 */
@Component
class ProviderAnswer implements AuthenticationSuccessHandler {

	private static final Pattern ONE_LINE = Pattern.compile(FormText.ONE_LINE);

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();

	private final AccountsSigningIn accounts;

	private final InvitationAcceptance invitations;

	private final ProviderFactors factors;

	private final SingleSignOnProviders providers;

	private final SessionEnd sessionEnd;

	private final FlashMapManager flashMaps;

	private final Clock clock;

	private final SecondFactorPolicy policy;

	private final SecurityLog securityLog;

	private final SignInEventPublisher events;

	ProviderAnswer(AccountsSigningIn accounts, InvitationAcceptance invitations, ProviderFactors factors,
			SingleSignOnProviders providers, SessionEnd sessionEnd, FlashMapManager flashMaps, Clock clock,
			SecondFactorPolicy policy, SecurityLog securityLog, SignInEventPublisher events) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.factors = factors;
		this.providers = providers;
		this.sessionEnd = sessionEnd;
		this.flashMaps = flashMaps;
		this.clock = clock;
		this.policy = policy;
		this.securityLog = securityLog;
		this.events = events;
		this.toPageAskedFor.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		OAuth2AuthenticationToken answer = (OAuth2AuthenticationToken) authentication;
		OidcUser user = (OidcUser) answer.getPrincipal();
		String registrationId = answer.getAuthorizedClientRegistrationId();
		String provider = this.providers.withId(registrationId)
			.map(SingleSignOnProviders.Provider::name)
			.orElse(registrationId);
		// Nobody is signed in until an account is found.
		SecurityContextHolder.clearContext();
		this.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		Optional<String> email = Optional.ofNullable(user.getEmail())
			.filter((address) -> Boolean.TRUE.equals(user.getEmailVerified()));
		Optional<String> invitation = takeInvitation(request);
		if (invitation.isPresent()) {
			setUp(invitation.get(), email, user, provider, answer, request, response);
			return;
		}
		if (email.isEmpty()) {
			this.securityLog.write(Action.SIGN_IN_FAILED, "no verified email from " + provider,
					SecurityLog.User.UNKNOWN);
			response.sendRedirect(request.getContextPath() + "/sign-in?unverified-email");
			return;
		}
		Optional<AccountUser> account = this.accounts.activeAccount(email.get());
		if (account.isEmpty()) {
			this.securityLog.write(Action.SIGN_IN_FAILED, "no active account for the email " + provider + " verified",
					SecurityLog.User.typed(email.get()));
			response.sendRedirect(request.getContextPath() + "/sign-in?no-account");
			return;
		}
		signIn(account.get(), user, answer, request, response);
		this.toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * The provider refused, the person cancelled there, or its answer did not hold
	 * (state, nonce, signature …): nobody is signed in, and the page they came from says
	 * so.
	 */
	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		String reason = (failure instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: failure.getClass().getSimpleName();
		this.securityLog.write(Action.SIGN_IN_FAILED, "the provider's answer was refused: " + reason,
				SecurityLog.User.UNKNOWN);
		Optional<String> invitation = takeInvitation(request);
		if (invitation.isPresent()) {
			backToLink(invitation.get(), Banner.of(Kind.ERROR, "link.providerFailed", this.providers.names()), request,
					response);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/sign-in?provider-failed");
	}

	private void setUp(String token, Optional<String> email, OidcUser user, String provider,
			OAuth2AuthenticationToken answer, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (email.isEmpty()) {
			backToLink(token, Banner.of(Kind.ERROR, "link.providerUnverified", provider), request, response);
			return;
		}
		ProviderSetUp outcome = this.invitations.acceptWithProvider(token, email.get(), name(user))
			.orElse(ProviderSetUp.LINK_NOT_VALID);
		if (outcome == ProviderSetUp.OTHER_ADDRESS) {
			backToLink(token, Banner.of(Kind.ERROR, "link.providerOtherAddress", provider, email.get()), request,
					response);
			return;
		}
		if (outcome == ProviderSetUp.LINK_NOT_VALID) {
			// The link's page says what became of it.
			response.sendRedirect(request.getContextPath() + linkPage(token));
			return;
		}
		AccountUser account = this.accounts.activeAccount(email.get()).orElseThrow();
		signIn(account, user, answer, request, response);
		Banner.of(Kind.SUCCESS, "link.welcome").flash("/", this.flashMaps, request, response);
		response.sendRedirect(request.getContextPath() + "/");
	}

	/**
	 * Signs the account in as a password sign-in would, with the provider's factors, and
	 * marks the session signed in (SI6).
	 */
	private void signIn(AccountUser account, OidcUser user, OAuth2AuthenticationToken answer,
			HttpServletRequest request, HttpServletResponse response) {
		String[] factors = this.factors.twoFactors(user.getIdToken())
				? new String[] { Authorities.PROVIDER_FACTOR, Authorities.PROVIDER_SECOND_FACTOR }
				: new String[] { Authorities.PROVIDER_FACTOR };
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null,
				Authorities.withFactors(account.getAuthorities(), this.clock.instant(), factors));
		signedIn.setDetails(answer.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.sessionEnd.markSignedIn(request, response);
		if (!this.policy.missingSecondFactor(signedIn)) {
			this.events.signedIn(account.accountId(), SignInEventPublisher.SINGLE_SIGN_ON);
		}
	}

	private void backToLink(String token, Banner banner, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		banner.flash(linkPage(token), this.flashMaps, request, response);
		response.sendRedirect(request.getContextPath() + linkPage(token));
	}

	/**
	 * The token came from the link's own page, which checked it: only URL-safe letters.
	 */
	private static String linkPage(String token) {
		return "/invitation/" + token;
	}

	/**
	 * The provider's name for the person, when it fits the account's name (one line, at
	 * most {@link UserAccount#FULL_NAME_LENGTH} characters, as the set-up form asks);
	 * else none, and the email is shown instead.
	 */
	private static String name(OidcUser user) {
		String name = user.getFullName();
		return (name != null && name.strip().length() <= UserAccount.FULL_NAME_LENGTH
				&& ONE_LINE.matcher(name).matches()) ? name : null;
	}

	/** The invitation whose set-up this sign-in is, forgotten as it is read. */
	static Optional<String> takeInvitation(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		String token = (String) session.getAttribute(InvitationAcceptance.PROVIDER_SET_UP_TOKEN);
		if (token != null) {
			session.removeAttribute(InvitationAcceptance.PROVIDER_SET_UP_TOKEN);
		}
		return Optional.ofNullable(token);
	}

}
