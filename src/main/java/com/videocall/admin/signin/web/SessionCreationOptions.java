package com.videocall.admin.signin.web;

import java.io.Serializable;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a passkey registration under way, in the session between the options and
 * the registration (which may reach another instance). Spring's session repository keeps
 * the options object itself, which is not serializable, so sessions kept in PostgreSQL
 * cannot hold it; this keeps what the registration's verification reads (challenge,
 * relying party, user) and builds the options again from it, with the algorithms and the
 * required user verification the relying party always asks for.
 */
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			if (request.getSession(false) != null) {
				request.getSession().removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession()
			.setAttribute(ATTRIBUTE,
					new Kept(options.getChallenge(), options.getRp().getId(), options.getRp().getName(),
							options.getUser().getId(), options.getUser().getName(),
							options.getUser().getDisplayName()));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		Kept kept = (request.getSession(false) != null) ? (Kept) request.getSession().getAttribute(ATTRIBUTE) : null;
		return (kept != null) ? kept.options() : null;
	}

	private record Kept(Bytes challenge, String rpId, String rpName, Bytes userId, String userName,
			String userDisplayName) implements Serializable {

		PublicKeyCredentialCreationOptions options() {
			return PublicKeyCredentialCreationOptions.builder()
				.challenge(this.challenge)
				.rp(PublicKeyCredentialRpEntity.builder().id(this.rpId).name(this.rpName).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder()
					.id(this.userId)
					.name(this.userName)
					.displayName(this.userDisplayName)
					.build())
				.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
						PublicKeyCredentialParameters.RS256)
				.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build())
				.attestation(AttestationConveyancePreference.NONE)
				.timeout(Duration.ofMinutes(5))
				.build();
		}

	}

}
