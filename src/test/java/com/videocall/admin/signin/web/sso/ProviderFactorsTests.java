package com.videocall.admin.signin.web.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.videocall.admin.web.SingleSignOnProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * When a provider's sign-in counts as two factors (SI5): an {@code amr} of multiple
 * factors, a key or a one-time password, or an {@code acr} the organisation lists;
 * nothing else, and nothing when the token says nothing.
 */
class ProviderFactorsTests {

	private final ProviderFactors factors = new ProviderFactors(new SingleSignOnProperties(
			List.of("urn:example:mfa", "http://schemas.openid.net/pape/policies/2007/06/multi-factor"), List.of()));

	@Test
	void amrOfMultipleFactorsAKeyOrAOneTimePasswordCounts() {
		for (String method : List.of("mfa", "hwk", "swk", "otp")) {
			assertThat(this.factors.twoFactors(token(List.of("pwd", method), null))).as(method).isTrue();
		}
	}

	@Test
	void aListedAcrCounts() {
		assertThat(this.factors.twoFactors(token(null, "urn:example:mfa"))).isTrue();
	}

	@Test
	void otherMethodsAndContextsAndSilenceDoNot() {
		assertThat(this.factors.twoFactors(token(List.of("pwd", "kba", "sms-not-listed"), "urn:example:password")))
			.isFalse();
		assertThat(this.factors.twoFactors(token(List.of(), "0"))).isFalse();
		assertThat(this.factors.twoFactors(token(null, null))).isFalse();
		assertThat(this.factors.twoFactors(token(List.of("MFA"), null))).as("amr values are case-sensitive").isFalse();
	}

	private static OidcIdToken token(List<String> amr, String acr) {
		OidcIdToken.Builder token = OidcIdToken.withTokenValue("token")
			.subject("someone")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		if (amr != null) {
			token.claim("amr", amr);
		}
		if (acr != null) {
			token.claim("acr", acr);
		}
		return token.build();
	}

}
