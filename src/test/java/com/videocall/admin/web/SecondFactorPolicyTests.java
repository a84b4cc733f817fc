package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.videocall.admin.web.SignInProperties.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Who owes a second factor after the password (SI1), and the setting the {@code prod}
 * profile refuses to start with: a second factor made optional without saying so.
 */
class SecondFactorPolicyTests {

	@Test
	void asksEveryAdministratorWhenRequiredAndOnlyThoseWithAFactorWhenOptional() {
		SecondFactorPolicy required = new SecondFactorPolicy(settings(SecondFactor.REQUIRED, false),
				new MockEnvironment(), Clock.systemUTC());
		SecondFactorPolicy optional = new SecondFactorPolicy(settings(SecondFactor.OPTIONAL, false),
				new MockEnvironment(), Clock.systemUTC());
		Authentication administrator = signedIn(Authorities.ADMINISTRATOR, Authorities.PASSWORD_FACTOR);
		Authentication withFactor = signedIn(Authorities.SECOND_FACTOR_SET_UP, Authorities.PASSWORD_FACTOR);
		Authentication neither = signedIn(Authorities.PASSWORD_FACTOR);
		assertThat(required.missingSecondFactor(administrator)).isTrue();
		assertThat(required.missingSecondFactor(withFactor)).isTrue();
		assertThat(required.missingSecondFactor(neither)).isFalse();
		assertThat(optional.missingSecondFactor(administrator)).isFalse();
		assertThat(optional.missingSecondFactor(withFactor)).isTrue();
		for (String factor : List.of(Authorities.AUTHENTICATOR_APP_FACTOR, Authorities.RECOVERY_CODE_FACTOR,
				Authorities.PASSKEY_FACTOR)) {
			assertThat(required.missingSecondFactor(signedIn(Authorities.ADMINISTRATOR,
					Authorities.SECOND_FACTOR_SET_UP, Authorities.PASSWORD_FACTOR, factor)))
				.as(factor)
				.isFalse();
		}
	}

	@Test
	void prodRefusesAnOptionalSecondFactorUnlessAllowed() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecondFactorPolicy(settings(SecondFactor.OPTIONAL, false), prod, Clock.systemUTC()))
			.withMessageContaining("app.sign-in.allow-optional-second-factor-in-prod=true");
		assertThat(new SecondFactorPolicy(settings(SecondFactor.OPTIONAL, true), prod, Clock.systemUTC())).isNotNull();
		assertThat(new SecondFactorPolicy(settings(SecondFactor.REQUIRED, false), prod, Clock.systemUTC())).isNotNull();
		assertThat(new SecondFactorPolicy(settings(SecondFactor.OPTIONAL, false), new MockEnvironment(),
				Clock.systemUTC()))
			.isNotNull();
	}

	private static Authentication signedIn(String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	private static SignInProperties settings(SecondFactor secondFactor, boolean allowOptionalInProd) {
		return new SignInProperties(secondFactor, allowOptionalInProd, null, Duration.ofMinutes(15), 5, 20, 50);
	}

}
