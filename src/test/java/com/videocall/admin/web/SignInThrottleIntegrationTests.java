package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Password guessing is slowed down without locking the owner out: failures lock one
 * address out of one account, never the account for everyone. Each test signs in from
 * client addresses of its own and with accounts of its own, so no demo account is locked.
 */
@IntegrationTest
// The invitation tests' imports, so that this test shares their application.
class SignInThrottleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	SignInProperties properties;

	@Autowired
	SecurityLog securityLog;

	@Test
	void refusesTheRightPasswordAfterFiveWrongOnes() throws Exception {
		String client = ClientAddresses.fresh();
		String guessed = person("guessed");
		String other = person("other");
		for (int attempt = 0; attempt < 5; attempt++) {
			String email = (attempt % 2 == 0) ? guessed : guessed.toUpperCase(Locale.ROOT);
			signIn(client, email, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		MvcResult refused = signIn(client, guessed, TestOrganisation.PASSWORD)
			.andExpect(redirectedUrl("/sign-in?locked"))
			.andReturn();
		assertThat(refused.getRequest().getSession(false)).satisfiesAnyOf((session) -> assertThat(session).isNull(),
				(session) -> assertThat(
						session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
					.isNull());
		assertThat(LinkPages.html(this.mvc.perform(get("/sign-in?locked")).andExpect(status().isOk()))
			.select("[role=alert]")
			.text()).isEqualTo("Too many sign-in attempts. Wait 15 minutes, then try again.");
		signIn(client, other, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void signsInWithTheRightPasswordAfterFourWrongOnes() throws Exception {
		String client = ClientAddresses.fresh();
		String forgetful = person("forgetful");
		for (int attempt = 0; attempt < 4; attempt++) {
			signIn(client, forgetful, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		signIn(client, forgetful, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void signsInFromAnotherAddressAfterFiveWrongPasswordsFromOne() throws Exception {
		String owner = person("owner");
		for (int attempt = 0; attempt < 5; attempt++) {
			signIn("127.0.0.30", owner, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}
		signIn("127.0.0.30", owner, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/sign-in?locked"));

		signIn("127.0.0.31", owner, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(owner));
	}

	/**
	 * PostgreSQL's lower() folds "İ" to "i", so "prİya…" finds the account "priya…" (and
	 * could not be another account's email: emails are unique under lower()). Such a
	 * spelling signs in as that account, and so counts against it.
	 */
	@Test
	void countsEverySpellingThatFindsAnAccountAgainstThatAccount() throws Exception {
		String client = ClientAddresses.fresh();
		String priya = person("priya");
		String dotted = priya.replace("priya", "prİya");
		for (int attempt = 0; attempt < 5; attempt++) {
			String email = (attempt % 2 == 0) ? dotted : dotted.toUpperCase(Locale.ROOT);
			signIn(client, email, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		signIn(client, priya, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/sign-in?locked"));
		signIn(ClientAddresses.fresh(), dotted, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(priya));
	}

	/**
	 * PostgreSQL text cannot hold NUL: the throttle does not look such an email up, and
	 * its answer is the usual failure, not an error.
	 */
	@Test
	void refusesAnEmailWithNulLikeAnyWrongOne() throws Exception {
		signIn(ClientAddresses.fresh(), "nul\u0000@test.invalid", "wrong password")
			.andExpect(redirectedUrl("/sign-in?error"));
	}

	@Test
	void givesEachAddressOneFailureOnceAnAccountIsGuessedFromManyAddresses() throws Exception {
		String targeted = person("targeted");
		int perAddress = this.properties.failuresPerAccountAndAddress();
		for (int failures = 0; failures < this.properties.failuresPerAccount(); failures += perAddress) {
			String attacker = ClientAddresses.fresh();
			for (int attempt = 0; attempt < perAddress; attempt++) {
				signIn(attacker, targeted, "guess " + failures + attempt).andExpect(redirectedUrl("/sign-in?error"));
			}
		}

		String another = ClientAddresses.fresh();
		signIn(another, targeted, "one more guess").andExpect(redirectedUrl("/sign-in?error"));
		signIn(another, targeted, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/sign-in?locked"));
		signIn(ClientAddresses.fresh(), targeted, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void refusesAnAddressThatFailedOnManyAccountsAndNoOtherAddress() {
		SignInThrottle throttle = throttle(new SignInProperties(SignInProperties.SecondFactor.REQUIRED, false, null,
				Duration.ofMinutes(15), 5, 20, 3));
		String sprayer = ClientAddresses.fresh();
		String person = person("sprayed");
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(throttle.admit("nobody-" + attempt + "-" + TestOrganisation.tag() + "@test.invalid", sprayer))
				.isTrue();
		}

		assertThat(throttle.admit(person, sprayer)).isFalse();
		assertThat(throttle.admit(person, ClientAddresses.fresh())).isTrue();
	}

	/**
	 * Another instance of the application is another throttle over the same database
	 * (S1): it sees the lock this instance's sign-ins caused.
	 */
	@Test
	void keepsItsCountsInTheDatabase() throws Exception {
		String client = ClientAddresses.fresh();
		String guessed = person("shared");
		for (int attempt = 0; attempt < 5; attempt++) {
			signIn(client, guessed, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		SignInThrottle elsewhere = throttle(this.properties);
		assertThat(elsewhere.admit(guessed, client)).isFalse();
		assertThat(elsewhere.admit(guessed, ClientAddresses.fresh())).isTrue();
	}

	private SignInThrottle throttle(SignInProperties limits) {
		return new SignInThrottle(new RateLimits(this.jdbc, this.clock), this.accounts, limits, this.securityLog);
	}

	private String person(String who) {
		String email = who + "-" + TestOrganisation.tag() + "@test.invalid";
		this.organisation.person("Person " + who, email);
		return email;
	}

	private ResultActions signIn(String client, String email, String password) throws Exception {
		return this.mvc.perform(post("/sign-in").with(csrf())
			.with(ClientAddresses.from(client))
			.param("email", email)
			.param("password", password));
	}

}
