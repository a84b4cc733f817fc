package com.videocall.admin.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.stream.Collectors;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.Demo;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every administrator's home page is of use: the areas they look after, by kind, each
 * leading to its list; a System Administrator's says they look after every area, not that
 * they hold no roles. Someone who administers nothing sees their own roles only.
 */
@IntegrationTest
class HomePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	@Test
	void showsASystemAdministratorEveryKindOfArea() throws Exception {
		Document home = this.pages.as(SignIn.ADMIN).open("/");

		assertThat(home.text()).contains("As a System Administrator you look after every area.")
			.doesNotContain("You do not hold any roles yet");
		Map<String, Integer> areas = areaCounts(home);
		assertThat(areas.keySet()).containsExactly("/waiting-areas", "/meeting-rooms", "/organisational-units");
		assertThat(areas.get("/waiting-areas")).isGreaterThanOrEqualTo(Demo.WAITING_AREAS.size());
		assertThat(areas.get("/meeting-rooms")).isGreaterThanOrEqualTo(Demo.MEETING_ROOMS.size());
		assertThat(areas.get("/organisational-units")).isGreaterThanOrEqualTo(Demo.UNITS.size());
		assertThat(home.select("h1").text()).isEqualTo("Welcome, Sam Carter");
	}

	@Test
	void showsAnOrganisationAdministratorTheAreasOfTheirUnitAndTheirRole() throws Exception {
		Clinic clinic = this.organisation.clinic();

		Document home = this.pages.as(clinic.adminEmail()).open("/");

		assertThat(home.text()).contains("You look after these areas");
		assertThat(areaCounts(home)).containsExactly(Map.entry("/waiting-areas", 1), Map.entry("/meeting-rooms", 1),
				Map.entry("/organisational-units", 1));
		assertThat(home.select("#your-roles + ul li").eachText())
			.containsExactly("Organisation Administrator in " + clinic.unitName());
	}

	@Test
	void showsSomeoneWhoAdministersNothingOnlyTheirRoles() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String email = clinic.email("provider");
		this.organisation.grant(this.organisation.person("Pat Provider " + clinic.tag(), email), Role.SERVICE_PROVIDER,
				clinic.waitingArea());

		Document home = this.pages.as(email).open("/");

		assertThat(home.select(".home-areas")).isEmpty();
		assertThat(home.select("nav.menu")).isEmpty();
		assertThat(home.select("#your-roles + ul li").eachText())
			.containsExactly("Service Provider in " + clinic.waitingAreaName());
	}

	@Test
	void showsTheMenuToAdministratorsAndSentEmailsToSystemAdministratorsOnly() throws Exception {
		Document system = this.pages.as(SignIn.ADMIN).open("/");
		Document clinic = this.pages.as(this.organisation.clinic().adminEmail()).open("/");

		assertThat(system.select("nav.menu a").eachText()).containsExactly("Waiting Areas", "Meeting Rooms",
				"Organisational Units", "Users", "Pending Invitations", "Activity", "Sent Emails");
		assertThat(clinic.select("nav.menu a").eachText()).containsExactly("Waiting Areas", "Meeting Rooms",
				"Organisational Units", "Users", "Pending Invitations", "Activity");
		assertThat(clinic.select(".account").text()).contains("Sign out");
	}

	@Test
	void showsNeitherTheMenuNorTheAccountToSomeoneSignedOut() throws Exception {
		Document signIn = Browser.page(this.mvc.perform(get("/sign-in")).andReturn());

		assertThat(signIn.select("nav.menu")).isEmpty();
		assertThat(signIn.select(".account")).isEmpty();
		assertThat(signIn.select("form[action=/sign-in]")).hasSize(1);
	}

	/** Each area card's link and the number it shows, in page order. */
	private static Map<String, Integer> areaCounts(Document home) {
		return home.select(".home-areas a")
			.stream()
			.collect(Collectors.toMap((Element link) -> link.attr("href"),
					(link) -> Integer.parseInt(link.selectFirst(".number").text()), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

}
