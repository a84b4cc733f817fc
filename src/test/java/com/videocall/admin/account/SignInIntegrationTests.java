package com.videocall.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signing in and out: only active accounts with the right password get in, a failure
 * never says which part was wrong, both forms need their CSRF token, and signing in gives
 * a new session id.
 */
@IntegrationTest
class SignInIntegrationTests {

	private static final String PASSWORD = "demo-password";

	private static final String FAILED = "The email or password is incorrect, or this account cannot sign in.";

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void signsInAnActiveAccountWithANewSessionId() throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(get("/sign-in").with(session)).andExpect(status().isOk()).andDo(session);
		String before = session.id();
		assertThat(before).as("session of the sign-in page").isNotNull();
		this.mvc.perform(signInRequest(SignIn.ADMIN, PASSWORD).with(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(SignIn.ADMIN))
			.andDo(session);
		assertThat(session.id()).isNotNull().isNotEqualTo(before);
		assertThat(this.sessions.findById(before)).as("session under its id before sign-in").isNull();
		Document home = html(this.mvc.perform(get("/").with(session)).andExpect(status().isOk()).andReturn());
		assertThat(home.select("h1").text()).isEqualTo("Welcome, Sam Carter");
	}

	@Test
	void acceptsTheEmailInAnyCase() throws Exception {
		this.mvc.perform(signInRequest("  Org.Admin@EXAMPLE.org", PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(SignIn.ORG_ADMIN));
	}

	@Test
	void returnsToTheRequestedPageAfterSigningIn() throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(get("/users").with(session)).andExpect(redirectedUrl("/sign-in")).andDo(session);
		String target = this.mvc.perform(signInRequest(SignIn.CLINIC_ADMIN, PASSWORD).with(session))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(target).matches("(http://localhost)?/users(\\?continue)?");
	}

	@Test
	void refusesAWrongPasswordAndAnUnknownEmailAlike() throws Exception {
		SessionCookie wrongPassword = new SessionCookie();
		SessionCookie unknownEmail = new SessionCookie();
		this.mvc.perform(signInRequest(SignIn.ADMIN, "not-the-password").with(wrongPassword))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated())
			.andDo(wrongPassword);
		this.mvc.perform(signInRequest("nobody@example.org", PASSWORD).with(unknownEmail))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated())
			.andDo(unknownEmail);
		Document afterWrongPassword = failurePage(wrongPassword);
		Document afterUnknownEmail = failurePage(unknownEmail);
		assertThat(afterWrongPassword.select("[role=alert]").text()).isEqualTo(FAILED);
		assertThat(afterUnknownEmail.select("[role=alert]").text()).isEqualTo(FAILED);
		assertThat(afterWrongPassword.outerHtml()).isEqualTo(afterUnknownEmail.outerHtml());
		assertThat(afterWrongPassword.text()).doesNotContainIgnoringCase("bad credentials")
			.doesNotContainIgnoringCase("not found")
			.doesNotContain("nobody@example.org");
	}

	@Test
	void refusesADisabledAccountWithItsRightPassword() throws Exception {
		this.mvc.perform(signInRequest("henry.clarke@example.org", PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void refusesAnInvitedAccount() throws Exception {
		this.mvc.perform(signInRequest("new.physio@example.org", PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());
		// Even one that somehow has a password: only active accounts sign in.
		String invited = TestOrganisation.email("ivy.invited");
		this.organisation.person("Ivy Invited", invited, AccountStatus.INVITED);
		this.mvc.perform(signInRequest(invited, TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());
		String active = TestOrganisation.email("ada.active");
		this.organisation.person("Ada Active", active);
		this.mvc.perform(signInRequest(active, TestOrganisation.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void refusesSignInWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/sign-in").param("email", SignIn.ADMIN).param("password", PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		this.mvc
			.perform(post("/sign-in").param("email", SignIn.ADMIN)
				.param("password", PASSWORD)
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		for (String path : new String[] { "/", "/users", "/waiting-areas", "/organisational-units/1" }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		}
		this.mvc.perform(get("/sign-in")).andExpect(status().isOk());
	}

	@Test
	void signsOutOnlyWithCsrfToken() throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(signInRequest(SignIn.ROOM_ADMIN, PASSWORD).with(session))
			.andExpect(authenticated())
			.andDo(session);
		this.mvc.perform(post("/sign-out").with(session)).andExpect(status().isForbidden());
		// Still signed in (authenticated() cannot see a session that lives in
		// PostgreSQL).
		Document home = html(this.mvc.perform(get("/").with(session)).andExpect(status().isOk()).andReturn());
		assertThat(home.text()).contains("Signed in as Raj Patel");
		String signedIn = session.id();
		this.mvc.perform(post("/sign-out").with(csrf()).with(session))
			.andExpect(redirectedUrl("/sign-in?signed-out"))
			.andExpect(unauthenticated())
			.andDo(session);
		assertThat(this.sessions.findById(signedIn)).as("session after sign-out").isNull();
		this.mvc.perform(get("/users").with(session)).andExpect(redirectedUrl("/sign-in"));
	}

	private static MockHttpServletRequestBuilder signInRequest(String email, String password) {
		return post("/sign-in").param("email", email).param("password", password).with(csrf());
	}

	private Document failurePage(SessionCookie session) throws Exception {
		Document page = html(
				this.mvc.perform(get("/sign-in?error").with(session)).andExpect(status().isOk()).andReturn());
		page.select("input[name=_csrf]").remove();
		return page;
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
