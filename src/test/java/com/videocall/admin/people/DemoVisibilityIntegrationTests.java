package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DemoVisibilityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Test
	void clinicAdministratorSeesExactlyThePeopleOfTheirWaitingArea() throws Exception {
		assertThat(emailsOn("/users?status=all", SignIn.CLINIC_ADMIN)).containsExactlyInAnyOrder(
				"clinic.admin@example.org", "amelia.hart@example.org", "grace.kim@example.org",
				"new.physio@example.org", "jordan.receptionist@example.org");
	}

	private List<String> emailsOn(String path, String account) throws Exception {
		String html = this.mvc.perform(get(path).with(this.signIn.as(account)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		return page.select("table tbody tr td:nth-child(2)").eachText();
	}

}
