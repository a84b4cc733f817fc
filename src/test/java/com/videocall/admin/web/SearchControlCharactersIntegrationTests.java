package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.videocall.admin.support.Browser;
import com.videocall.admin.support.Demo;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * X7: a search with NUL or other control characters (which PostgreSQL refuses in text)
 * searches every list with them left out, and never fails.
 */
@IntegrationTest
class SearchControlCharactersIntegrationTests {

	/** NUL, a C0 and a C1 control character, DEL, and a line break around the term. */
	private static final String AROUND = "%00%01%1F%7F%C2%85%0D%0A";

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	InvitationRecords records;

	static Stream<Arguments> lists() {
		return Stream.of(Arguments.of("/users?q=", "priya", "Priya Sharma"),
				Arguments.of("/waiting-areas?q=", "physio", Demo.PHYSIO),
				Arguments.of("/organisational-units?q=", "hornsby", Demo.HORNSBY),
				Arguments.of("/meeting-rooms?q=", "huddle", Demo.HUDDLE),
				Arguments.of("/organisational-units/{Northern Clinics}/administrators?name=", "olivia",
						"Olivia Nguyen"),
				Arguments.of("/waiting-areas/{Northern Physiotherapy}/users?name=", "chloe", "Chloe Bennett"),
				Arguments.of("/meeting-rooms/{Southern Team Huddle}/users?name=", "raj", "Raj Patel"),
				Arguments.of("/users/invitations/{new.physio@example.org}?q=", "priya", "Priya Sharma"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lists")
	void searchesWithControlCharactersLeftOut(String list, String term, String found) throws Exception {
		Browser admin = this.pages.as(SignIn.ADMIN);

		Document page = admin.open(url(list) + AROUND + term + AROUND + "%00");

		assertThat(page.text()).contains(found);
		assertThat(page.select("input[name=q], input[name=name]").eachAttr("value")).containsOnly(term);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lists")
	void searchesForOnlyControlCharactersAsForNothing(String list) throws Exception {
		Browser admin = this.pages.as(SignIn.ADMIN);

		Document page = admin.open(url(list) + "%00%09%00");

		assertThat(page.select("input[name=q], input[name=name]").eachAttr("value")).isNotEmpty().containsOnly("");
		assertThat(page.select("main a[href]").eachAttr("href")).as("the list as without a search")
			.isNotEmpty()
			.isEqualTo(admin.open(url(list)).select("main a[href]").eachAttr("href"));
	}

	/** The list's URL with the demo area or invitation named in braces filled in. */
	private String url(String list) {
		int open = list.indexOf('{');
		if (open < 0) {
			return list;
		}
		String name = list.substring(open + 1, list.indexOf('}'));
		long id = name.contains("@") ? this.records.pendingFor(name) : this.organisation.areaId(name);
		return list.substring(0, open) + id + list.substring(list.indexOf('}') + 1);
	}

}
