package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Password guessing is slowed down: five wrong passwords for one email within 15 minutes
 * lock that email's sign-in, even with the right password. Each test signs in from a
 * client address of its own and with accounts of its own, so no demo account is locked.
 */
@IntegrationTest
// The invitation tests' imports, so that this test shares their application.
class SignInThrottleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	String client;

	@BeforeEach
	void client() {
		this.client = ClientAddresses.fresh();
	}

	@Test
	void refusesTheRightPasswordAfterFiveWrongOnes() throws Exception {
		String guessed = person("guessed");
		String other = person("other");
		for (int attempt = 0; attempt < 5; attempt++) {
			String email = (attempt % 2 == 0) ? guessed : guessed.toUpperCase(Locale.ROOT);
			signIn(email, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		MvcResult refused = signIn(guessed, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/sign-in?locked"))
			.andReturn();
		assertThat(refused.getRequest().getSession(false)).satisfiesAnyOf((session) -> assertThat(session).isNull(),
				(session) -> assertThat(
						session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
					.isNull());
		assertThat(LinkPages.html(this.mvc.perform(get("/sign-in?locked")).andExpect(status().isOk()))
			.select("[role=alert]")
			.text()).isEqualTo("Too many sign-in attempts. Wait 15 minutes, then try again.");
		signIn(other, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void signsInWithTheRightPasswordAfterFourWrongOnes() throws Exception {
		String forgetful = person("forgetful");
		for (int attempt = 0; attempt < 4; attempt++) {
			signIn(forgetful, "wrong password " + attempt).andExpect(redirectedUrl("/sign-in?error"));
		}

		signIn(forgetful, TestOrganisation.PASSWORD).andExpect(redirectedUrl("/"));
	}

	private String person(String who) {
		String email = who + "-" + TestOrganisation.tag() + "@test.invalid";
		this.organisation.person("Person " + who, email);
		return email;
	}

	private ResultActions signIn(String email, String password) throws Exception {
		return this.mvc.perform(post("/sign-in").with(csrf())
			.with(ClientAddresses.from(this.client))
			.param("email", email)
			.param("password", password));
	}

}
