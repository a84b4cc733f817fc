package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "About Video Call Admin": the layout of every page for anyone signed in, and no query
 * of its own, which is what makes it the benchmark's trivial page.
 */
@IntegrationTest
class AboutPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	StatementCounter statements;

	@Test
	void showsWhatTheConsoleIsInTheLayoutOfEveryPageWithoutAQueryOfItsOwn() throws Exception {
		MockHttpServletRequestBuilder about = get("/about").with(this.signIn.as(SignIn.CLINIC_ADMIN));
		String[] html = new String[1];
		List<String> statements = this.statements.pageStatements(() -> html[0] = this.mvc.perform(about)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		Document page = Jsoup.parse(html[0]);
		assertThat(page.title()).isEqualTo("About Video Call Admin – Video Call Admin");
		assertThat(page.select("h1").text()).isEqualTo("About Video Call Admin");
		assertThat(page.select("nav.menu a")).extracting((link) -> link.text())
			.contains("Users", "Pending Invitations");
		assertThat(page.select("form[action=/sign-out] button").text()).isEqualTo("Sign out");
		assertThat(statements).isEmpty();
	}

	@Test
	void asksVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/about")).andExpect(status().is3xxRedirection());
	}

}
