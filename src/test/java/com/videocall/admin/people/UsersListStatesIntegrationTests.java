package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Users list says when it shows nobody: a page past the end says so and leads to
 * the last page; an empty search says what to do next and offers "Clear", like the other
 * lists.
 */
@IntegrationTest
class UsersListStatesIntegrationTests {

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	Clinic clinic;

	Browser admin;

	@BeforeEach
	void clinicWithThreeInvitees() {
		this.clinic = this.organisation.clinic();
		for (String who : new String[] { "one", "two", "three" }) {
			this.organisation
				.invite(this.organisation.invitee(this.clinic.email(who)), this.clinic.admin(), Instant.now())
				.offering(Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		}
		this.admin = this.pages.as(this.clinic.adminEmail());
	}

	@Test
	void saysAPagePastTheEndIsNoneAndLeadsToTheLastPage() throws Exception {
		Document page = this.admin.open("/users?status=invited&page=2");

		assertThat(page.select("p.count").text()).isEqualTo("3 results");
		assertThat(page.select("table")).isEmpty();
		assertThat(page.select(".empty").text())
			.isEqualTo("There is no page 2: the results fit on 1 page. Go to page 1");
		assertThat(page.selectFirst(".empty a").attr("href")).isEqualTo("/users?q=&status=invited&page=1");
		assertThat(this.admin.open("/users?status=invited&page=1").select("table tbody tr")).hasSize(3);
	}

	@Test
	void saysWhatToDoWhenASearchFindsNobodyAndOffersClear() throws Exception {
		Document page = this.admin.open("/users?q=nobody-has-this-name");

		assertThat(page.select("p.count").text()).isEqualTo("No results");
		assertThat(page.select(".empty").text()).contains("Nobody matches this search").contains("\"Clear\"");
		assertThat(page.selectFirst("form.search a:containsOwn(Clear)").attr("href")).isEqualTo("/users");
		assertThat(this.admin.open("/users").select("form.search a:containsOwn(Clear)")).isEmpty();
	}

}
