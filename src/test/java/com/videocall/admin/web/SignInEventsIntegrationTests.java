package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.codec.binary.Base32;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.web.SignInEvents.SignInRefused;
import com.videocall.admin.web.SignInEvents.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in publishes what became of it for the activity trail ({@link SignInEvents}):
 * finished, with how, once every factor it needs is confirmed; refused, for an existing
 * account. In the shared application the second factor is optional, so an account without
 * one finishes with its password.
 */
@IntegrationTest
@RecordApplicationEvents
class SignInEventsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	SecondFactorService factors;

	@Autowired
	ApplicationEvents events;

	@Test
	void publishesAPasswordSignInWithoutASecondFactorAsFinished() throws Exception {
		String email = TestOrganisation.email("events-password");
		long id = this.organisation.person("Password Only", email);
		Instant before = Instant.now();

		this.mvc.perform(signIn(email, TestOrganisation.PASSWORD, new SessionCookie(), ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/"));

		assertThat(this.events.stream(SignedIn.class)).singleElement().satisfies((signedIn) -> {
			assertThat(signedIn.accountId()).isEqualTo(id);
			assertThat(signedIn.method()).isEqualTo("password");
			assertThat(signedIn.at()).isBetween(before, Instant.now());
		});
		assertThat(this.events.stream(SignInRefused.class)).isEmpty();
	}

	/**
	 * A wrong password and an account that is not active are refusals for that account;
	 * an email of no account is no account's.
	 */
	@Test
	void publishesAWrongPasswordOrAnInactiveAccountAsRefusedAndAnUnknownEmailNot() throws Exception {
		String email = TestOrganisation.email("events-wrong");
		long id = this.organisation.person("Wrong Password", email);
		String disabledEmail = TestOrganisation.email("events-disabled");
		long disabled = this.organisation.person("Disabled", disabledEmail, AccountStatus.DISABLED);

		this.mvc.perform(signIn(email, "not the password", new SessionCookie(), ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));
		this.mvc.perform(signIn(disabledEmail, TestOrganisation.PASSWORD, new SessionCookie(), ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));
		this.mvc
			.perform(signIn(TestOrganisation.email("events-nobody"), "anything", new SessionCookie(),
					ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));

		assertThat(this.events.stream(SignInRefused.class)).extracting(SignInRefused::accountId, SignInRefused::reason)
			.containsExactly(tuple(id, "wrong password"), tuple(disabled, "account not active"));
		assertThat(this.events.stream(SignedIn.class)).isEmpty();
	}

	/**
	 * With an authenticator app the password is only the first step: the sign-in finishes
	 * with the app's code, a wrong code refuses it, and "Confirm it's you" afterwards is
	 * no new sign-in.
	 */
	@Test
	void publishesASignInWithAnAuthenticatorAppAsFinishedWithItsCodeOnly() throws Exception {
		String email = TestOrganisation.email("events-app");
		long id = this.organisation.person("With App", email);
		byte[] key = this.factors.newKey();
		String shown = new Base32().encodeAsString(key);
		assertThat(this.factors.setUpAuthenticatorApp(id, email, key, AuthenticatorAppCodes.code(shown, -1)))
			.isPresent();
		String address = ClientAddresses.fresh();
		SessionCookie session = new SessionCookie();

		this.mvc.perform(signIn(email, TestOrganisation.PASSWORD, session, address))
			.andExpect(redirectedUrl("/"))
			.andDo(session);
		assertThat(this.events.stream(SignedIn.class)).as("the password alone").isEmpty();
		this.mvc.perform(confirm("not a code", session, address)).andExpect(status().isOk());
		assertThat(this.events.stream(SignInRefused.class)).extracting(SignInRefused::accountId, SignInRefused::reason)
			.containsExactly(tuple(id, "wrong code"));

		this.mvc.perform(confirm(AuthenticatorAppCodes.code(shown, 0), session, address))
			.andExpect(redirectedUrl("/"))
			.andDo(session);
		assertThat(this.events.stream(SignedIn.class)).singleElement().satisfies((signedIn) -> {
			assertThat(signedIn.accountId()).isEqualTo(id);
			assertThat(signedIn.method()).isEqualTo("password and authenticator app");
			assertThat(signedIn.at()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
		});

		this.mvc.perform(confirm(AuthenticatorAppCodes.code(shown, 1), session, address)).andExpect(redirectedUrl("/"));
		assertThat(this.events.stream(SignedIn.class)).as("\"Confirm it's you\" is no sign-in").hasSize(1);
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password, SessionCookie session,
			String address) {
		return post("/sign-in").param("email", email)
			.param("password", password)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address));
	}

	private static MockHttpServletRequestBuilder confirm(String code, SessionCookie session, String address) {
		return post("/sign-in/confirm").param("code", code)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address));
	}

}
