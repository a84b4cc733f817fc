package com.videocall.admin.signin.web.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.videocall.admin.invitation.InvitationAcceptance;
import com.videocall.admin.web.SingleSignOnProviders;
import com.videocall.admin.web.SingleSignOnLogin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;

/**
 * Spring Security's OpenID Connect login as the application uses it (SI5, SI8): every
 * authorization request carries a state and a nonce (Spring's defaults, checked on the
 * way back) and a PKCE code challenge, also for a confidential client; the provider's
 * tokens are not kept, as the application never calls the provider after signing in; the
 * answer is {@link ProviderAnswer}'s.
 */
@Component
class ProviderLogin implements SingleSignOnLogin {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final ProviderAnswer answer;

	ProviderLogin(ObjectProvider<ClientRegistrationRepository> registrations, ProviderAnswer answer) {
		this.registrations = registrations;
		this.answer = answer;
	}

	@Override
	public void configure(OAuth2LoginConfigurer<HttpSecurity> login) {
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations.getObject(), SingleSignOnProviders.START);
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		login
			.authorizationEndpoint((endpoint) -> endpoint.baseUri(SingleSignOnProviders.START)
				.authorizationRequestResolver(new InvitationOrSignIn(requests)))
			.authorizedClientRepository(new NoTokensKept())
			.successHandler(this.answer)
			.failureHandler(this.answer::failed);
	}

	/**
	 * A sign-in started anywhere but from an invitation link forgets an invitation whose
	 * set-up was started earlier in the session and not finished, so that it cannot turn
	 * a later sign-in into a set-up.
	 */
	private record InvitationOrSignIn(
			OAuth2AuthorizationRequestResolver requests) implements OAuth2AuthorizationRequestResolver {

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			return forget(request, this.requests.resolve(request));
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
			return forget(request, this.requests.resolve(request, registrationId));
		}

		private static OAuth2AuthorizationRequest forget(HttpServletRequest request,
				OAuth2AuthorizationRequest authorization) {
			if (authorization != null && request.getParameter(InvitationAcceptance.PROVIDER_SET_UP_PARAMETER) == null) {
				ProviderAnswer.takeInvitation(request);
			}
			return authorization;
		}

	}

	/** The provider's tokens serve the sign-in only; nothing keeps them. */
	private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
