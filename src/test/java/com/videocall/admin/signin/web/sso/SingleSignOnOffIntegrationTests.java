package com.videocall.admin.signin.web.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on as it is by default: no provider registered (SI5). The oauth2-client
 * starter then changes nothing: no registrations, no filter chain of its own, no "Sign in
 * with …" or "Set up with …", and its paths are like any path that does not exist.
 * {@code SingleSignOnBrowserTests} signs in with a provider.
 */
@IntegrationTest
class SingleSignOnOffIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	LinkPages links;

	@Test
	void noProviderMeansNoRegistrationsAndOnlyTheApplicationsFilterChains() {
		assertThat(this.context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable()).isNull();
		Map<String, SecurityFilterChain> chains = this.context.getBeansOfType(SecurityFilterChain.class);
		assertThat(chains.keySet()).containsExactlyInAnyOrder("staticResources", "securityFilterChain");
	}

	@Test
	void theSignInPageAndAnInvitationLinkOfferNoSingleSignOn() throws Exception {
		Document signIn = LinkPages.html(this.mvc.perform(get("/sign-in")).andExpect(status().isOk()));
		assertThat(signIn.select(".single-sign-on")).isEmpty();
		assertThat(signIn.select("a[href*=/oauth2/]")).isEmpty();
		assertThat(signIn.select("a").eachText()).noneMatch((link) -> link.startsWith("Sign in with"));

		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "no-sso");
		String token = this.invitees.token(invitee);
		Document link = this.links.openWithoutChanging(invitee, token);
		assertThat(link.select("h1").text()).isEqualTo("Set up your account");
		assertThat(link.text()).doesNotContain("Set up with");
		this.mvc.perform(get("/invitation/{token}/single-sign-on/organisation", token))
			.andExpect(status().isNotFound());
	}

	@Test
	void itsPathsAreLikeAnyPathThatDoesNotExist() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/organisation"))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login/oauth2/code/organisation").param("code", "a-code").param("state", "a-state"))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(unauthenticated());
	}

	@Test
	void aPasswordSignInOfAnyDomainIsNotRefusedForItsDomain() throws Exception {
		String email = TestOrganisation.email("any-domain");
		this.organisation.person("Any Domain", email);
		this.mvc.perform(post("/sign-in").with(csrf()).param("email", email).param("password", "wrong password"))
			.andExpect(redirectedUrl("/sign-in?error"));
	}

}
