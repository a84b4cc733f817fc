package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Security" (SI3, SI9): the person's signed-in sessions, each of which they can end, and
 * "Change password", which ends the others and emails them.
 */
@IntegrationTest
class SecurityPageIntegrationTests {

	private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	private static final String NEW_PASSWORD = "kettle quarry violet lantern";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsThePersonsSessionsWithoutTheirIdsAndSignsOneOutOrAllOthers() throws Exception {
		String email = person();
		SessionCookie laptop = signIn(email, TestOrganisation.PASSWORD, FIREFOX, "10.9.8.7");
		SessionCookie phone = signIn(email, TestOrganisation.PASSWORD, SAFARI, "10.9.8.6");
		SessionCookie tablet = signIn(email, TestOrganisation.PASSWORD, SAFARI, "10.9.8.5");

		Document security = page(get("/security").with(laptop));
		assertThat(security.select("h1").text()).isEqualTo("Security");
		assertThat(security.select("table.sessions tbody tr")).hasSize(3);
		assertThat(security.select("table.sessions tbody tr").first().text()).contains("Firefox on Windows", "10.9.8.7",
				"This browser");
		assertThat(security.select("table.sessions").text()).contains("Safari on iPhone", "10.9.8.6", "10.9.8.5");
		assertThat(security.html()).as("no session's id, which is the key to it")
			.doesNotContain(phone.id())
			.doesNotContain(tablet.id())
			.doesNotContain(laptop.id());

		String phoneForm = security.select("form[action*=/security/sessions/]")
			.stream()
			.filter((form) -> form.parent().parent().text().contains("10.9.8.6"))
			.findFirst()
			.orElseThrow()
			.attr("action");
		this.mvc.perform(post(phoneForm).with(csrf()).with(laptop)).andExpect(redirectedUrl("/security")).andDo(laptop);
		this.mvc.perform(get("/about").with(phone)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/about").with(tablet)).andExpect(status().isOk());
		this.mvc.perform(post(phoneForm).with(csrf()).with(laptop)).andExpect(redirectedUrl("/security"));

		this.mvc.perform(post("/security/sessions/sign-out-others").with(csrf()).with(laptop))
			.andExpect(redirectedUrl("/security"));
		this.mvc.perform(get("/about").with(tablet)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/about").with(laptop)).andExpect(status().isOk());
	}

	@Test
	void changesThePasswordEndingTheOtherSessionsAndEmailingThePerson() throws Exception {
		String email = person();
		SessionCookie here = signIn(email, TestOrganisation.PASSWORD, FIREFOX, ClientAddresses.fresh());
		SessionCookie elsewhere = signIn(email, TestOrganisation.PASSWORD, SAFARI, ClientAddresses.fresh());

		assertThat(problems(change(here, "not my password", NEW_PASSWORD, NEW_PASSWORD)))
			.containsExactly("That is not your current password.");
		assertThat(problems(change(here, TestOrganisation.PASSWORD, "short", "short")))
			.containsExactly("Your password needs at least 12 characters.");
		assertThat(problems(change(here, TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")))
			.containsExactly("The two passwords are not the same.");
		this.mvc.perform(get("/about").with(elsewhere)).andExpect(status().isOk());

		String before = here.id();
		this.mvc.perform(change(here, TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/security"))
			.andDo(here);
		assertThat(here.id()).as("a new session id").isNotEqualTo(before);
		assertThat(page(get("/security").with(here)).select(".banner").text())
			.isEqualTo("Your password has been changed, and 1 other session was signed out.");
		this.mvc.perform(get("/about").with(elsewhere)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(signInRequest(email, TestOrganisation.PASSWORD, FIREFOX, ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));
		signIn(email, NEW_PASSWORD, FIREFOX, ClientAddresses.fresh());
		List<String> subjects = this.jdbc.sql("select subject from outbound_email where recipient = ?")
			.param(email)
			.query(String.class)
			.list();
		assertThat(subjects).containsExactly("Your Video Call Admin sign-in has changed");
	}

	private String person() {
		String email = TestOrganisation.email("security");
		this.organisation.person("Security " + TestOrganisation.tag(), email);
		return email;
	}

	private SessionCookie signIn(String email, String password, String browser, String address) throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(signInRequest(email, password, browser, address)).andExpect(redirectedUrl("/")).andDo(session);
		return session;
	}

	private static MockHttpServletRequestBuilder signInRequest(String email, String password, String browser,
			String address) {
		return post("/sign-in").param("email", email)
			.param("password", password)
			.header("User-Agent", browser)
			.with(csrf())
			.with(ClientAddresses.from(address));
	}

	private MockHttpServletRequestBuilder change(SessionCookie session, String current, String chosen,
			String confirmed) {
		return post("/security/password").param("currentPassword", current)
			.param("newPassword", chosen)
			.param("confirmPassword", confirmed)
			.with(csrf())
			.with(session);
	}

	private List<String> problems(MockHttpServletRequestBuilder request) throws Exception {
		return page(request).select(".error-summary li").eachText();
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
