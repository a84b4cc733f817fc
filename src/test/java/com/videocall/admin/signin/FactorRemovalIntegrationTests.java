package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.signin.SecondFactorService.Removal;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Removing one's own factors (SI3): any but an administrator's last, each removal
 * emailed, and the recovery codes gone with anyone's last factor. The passkeys here are
 * records as a registration stores them (the ceremony itself is
 * {@code PasskeyBrowserTests}').
 */
@IntegrationTest
class FactorRemovalIntegrationTests {

	@Autowired
	SecondFactorService factors;

	@Autowired
	Passkeys passkeys;

	@Autowired
	PublicKeyCredentialUserEntityRepository users;

	@Autowired
	UserCredentialRepository credentials;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void removesAnAdministratorsFactorsButTheLast() {
		String email = TestOrganisation.email("removal.admin");
		long account = this.organisation.person("Removal Admin " + TestOrganisation.tag(), email);
		setUpApp(account, email);
		String passkey = addPasskey(email, "Desk key");

		assertThat(this.factors.removeAuthenticatorApp(account, email, true)).isEqualTo(Removal.REMOVED);
		assertThat(this.factors.hasAuthenticatorApp(account)).isFalse();
		assertThat(this.factors.recoveryCodesLeft(account)).as("codes kept beside the passkey").isEqualTo(10);
		assertThat(this.factors.removePasskey(account, email, true, passkey)).isEqualTo(Removal.LAST_FACTOR);
		assertThat(this.passkeys.of(email)).extracting(Passkeys.Passkey::name).containsExactly("Desk key");
		assertThat(this.factors.removeAuthenticatorApp(account, email, true)).isEqualTo(Removal.NOT_FOUND);
		assertThat(this.factors.removePasskey(account, email, true, "not-one-of-theirs")).isEqualTo(Removal.NOT_FOUND);
		assertThat(notices(email)).contains("The authenticator app was removed from your Video Call Admin account.");
	}

	@Test
	void removesTheLastFactorOfSomeoneWhoAdministersNothingWithTheRecoveryCodes() {
		String email = TestOrganisation.email("removal.person");
		long account = this.organisation.person("Removal Person " + TestOrganisation.tag(), email);
		setUpApp(account, email);
		String passkey = addPasskey(email, "Phone");
		String other = addPasskey(TestOrganisation.email("someone.else"), "Theirs");

		assertThat(this.factors.removePasskey(account, email, false, other)).as("another account's passkey")
			.isEqualTo(Removal.NOT_FOUND);
		assertThat(this.factors.removePasskey(account, email, false, passkey)).isEqualTo(Removal.REMOVED);
		assertThat(this.factors.recoveryCodesLeft(account)).isEqualTo(10);
		assertThat(this.factors.removeAuthenticatorApp(account, email, false)).isEqualTo(Removal.REMOVED);
		assertThat(this.factors.anySetUpBy(account)).isFalse();
		assertThat(this.factors.recoveryCodesLeft(account)).as("codes gone with the last factor").isZero();
		assertThat(notices(email)).contains("A passkey was removed from your Video Call Admin account.",
				"The authenticator app was removed from your Video Call Admin account.");
	}

	private void setUpApp(long account, String email) {
		byte[] key = this.factors.newKey();
		assertThat(this.factors.setUpAuthenticatorApp(account, email, key,
				AuthenticatorAppCodes.code(new Base32().encodeAsString(key), 0)))
			.isPresent();
	}

	/** A passkey as a registration stores it; its id, as "Security" names it. */
	private String addPasskey(String email, String name) {
		Bytes user = Bytes.random();
		this.users
			.save(ImmutablePublicKeyCredentialUserEntity.builder().id(user).name(email).displayName(email).build());
		Bytes id = Bytes.random();
		this.credentials.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(id)
			.userEntityUserId(user)
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.backupEligible(false)
			.backupState(false)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label(name)
			.build());
		return id.toBase64UrlString();
	}

	private List<String> notices(String email) {
		return this.jdbc.sql("select text_body from outbound_email where recipient = ?")
			.param(email)
			.query(String.class)
			.list()
			.stream()
			.map((body) -> body.lines()
				.filter((line) -> line.contains("Video Call Admin account"))
				.findFirst()
				.orElse(""))
			.toList();
	}

}
