package com.videocall.admin.signin;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.web.AppProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys as Spring Security's WebAuthn support provides them (SI1, SI2, SI8): its JDBC
 * repositories over the tables of migration V20, and its relying party (webauthn4j) with
 * the relying party id and the one origin taken from {@code app.base-url}, never from the
 * request. User verification is required in both ceremonies, so that a passkey is two
 * factors in one (something held, and a PIN or biometric that unlocked it); Spring's
 * default only prefers it. Registering a new passkey emails its owner.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, SecurityNotices notices,
			ApplicationEventPublisher events, Clock clock) {
		return new NoticedCredentials(new JdbcUserCredentialRepository(jdbc), notices, events, clock);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, AppProperties app) {
		URI base = app.baseUrl();
		String origin = base.getScheme() + "://" + base.getRawAuthority();
		Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("Video Call Admin").build(),
				Set.of(origin));
		relyingParty.setCustomizeCreationOptions(
				(options) -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build()));
		relyingParty
			.setCustomizeRequestOptions((options) -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return relyingParty;
	}

	/**
	 * Spring's credential repository, telling the owner when a passkey is registered: a
	 * record saved that was not there before (a sign-in saves the record again, with its
	 * new signature count and last use). Registration runs signed in as the owner.
	 */
	private record NoticedCredentials(UserCredentialRepository delegate, SecurityNotices notices,
			ApplicationEventPublisher events, Clock clock) implements UserCredentialRepository {

		@Override
		public void save(CredentialRecord record) {
			boolean added = this.delegate.findByCredentialId(record.getCredentialId()) == null;
			this.delegate.save(record);
			Authentication owner = SecurityContextHolder.getContext().getAuthentication();
			if (added && owner != null && owner.getPrincipal() instanceof AccountUser account) {
				this.notices.tell(account.accountId(), account.getUsername(), "passkeyAdded");
				this.events.publishEvent(new SecondFactorChanged(account.accountId(), null,
						SecondFactorChanged.Change.ADDED, SecondFactorChanged.PASSKEY, this.clock.instant()));
				Passkeys.noteRegistered();
			}
		}

		@Override
		public void delete(Bytes credentialId) {
			this.delegate.delete(credentialId);
		}

		@Override
		public CredentialRecord findByCredentialId(Bytes credentialId) {
			return this.delegate.findByCredentialId(credentialId);
		}

		@Override
		public List<CredentialRecord> findByUserId(Bytes userId) {
			return this.delegate.findByUserId(userId);
		}

	}

}
