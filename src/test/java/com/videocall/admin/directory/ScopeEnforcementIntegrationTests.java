package com.videocall.admin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.Demo;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * X1 on a real server, where error pages are rendered: a page, list, settings page or
 * user outside the signed-in administrator's scope is "not found", exactly as a record
 * that does not exist; an account without administrator rights gets no administration at
 * all.
 */
@ServerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ScopeEnforcementIntegrationTests {

	private static final String DEMO_PASSWORD = "demo-password";

	/** One signed-in browser per account, shared by the tests of this class. */
	private static final Map<String, HttpBrowser> browsers = new HashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	TestOrganisation organisation;

	static Stream<Arguments> outOfScope() {
		return Stream.of(
				// An organisation administrator: not a sibling unit, not the unit above.
				Arguments.of(SignIn.ORG_ADMIN, "/organisational-units/%d", Demo.SOUTHERN),
				Arguments.of(SignIn.ORG_ADMIN, "/organisational-units/%d/administrators", Demo.SOUTHERN),
				Arguments.of(SignIn.ORG_ADMIN, "/organisational-units/%d", Demo.RIVERSIDE),
				Arguments.of(SignIn.ORG_ADMIN, "/organisational-units/%d/administrators", Demo.RIVERSIDE),
				Arguments.of(SignIn.ORG_ADMIN, "/waiting-areas/%d", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ORG_ADMIN, "/waiting-areas/%d/settings", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ORG_ADMIN, "/waiting-areas/%d/users", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ORG_ADMIN, "/meeting-rooms/%d/users", Demo.HUDDLE),
				Arguments.of(SignIn.ORG_ADMIN, "/users/%d", "priya.sharma@example.org"),
				Arguments.of(SignIn.ORG_ADMIN, "/users/%d", "lucas.reporter@example.org"),
				Arguments.of(SignIn.ORG_ADMIN, "/users/%d", SignIn.ADMIN),
				// A service administrator: not the unit its waiting area belongs to, not
				// a
				// sibling waiting area.
				Arguments.of(SignIn.CLINIC_ADMIN, "/organisational-units/%d", Demo.NORTHERN),
				Arguments.of(SignIn.CLINIC_ADMIN, "/organisational-units/%d/administrators", Demo.NORTHERN),
				Arguments.of(SignIn.CLINIC_ADMIN, "/waiting-areas/%d", Demo.GENERAL_PRACTICE),
				Arguments.of(SignIn.CLINIC_ADMIN, "/waiting-areas/%d/settings", Demo.GENERAL_PRACTICE),
				Arguments.of(SignIn.CLINIC_ADMIN, "/waiting-areas/%d/users", Demo.GENERAL_PRACTICE),
				Arguments.of(SignIn.CLINIC_ADMIN, "/meeting-rooms/%d/users", Demo.STAFF_MEETING),
				Arguments.of(SignIn.CLINIC_ADMIN, "/users/%d", SignIn.ORG_ADMIN),
				Arguments.of(SignIn.CLINIC_ADMIN, "/users/%d", "sophie.gp@example.org"),
				// A meeting room administrator: nothing but its room.
				Arguments.of(SignIn.ROOM_ADMIN, "/organisational-units/%d", Demo.SOUTHERN),
				Arguments.of(SignIn.ROOM_ADMIN, "/organisational-units/%d/administrators", Demo.SOUTHERN),
				Arguments.of(SignIn.ROOM_ADMIN, "/waiting-areas/%d", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ROOM_ADMIN, "/waiting-areas/%d/settings", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ROOM_ADMIN, "/waiting-areas/%d/users", Demo.MENTAL_HEALTH),
				Arguments.of(SignIn.ROOM_ADMIN, "/meeting-rooms/%d/users", Demo.CLINICAL_REVIEW),
				Arguments.of(SignIn.ROOM_ADMIN, "/users/%d", "priya.sharma@example.org"),
				Arguments.of(SignIn.ROOM_ADMIN, "/users/%d", "jordan.receptionist@example.org"));
	}

	@ParameterizedTest(name = "{0} GET {1} of {2}")
	@MethodSource("outOfScope")
	void answersOutOfScopeExactlyAsMissing(String account, String path, String target) {
		String outOfScope = path.formatted(id(target));
		// The same path works for someone whose scope covers it: the 404 comes from the
		// scope, not from a broken path.
		assertThat(browser(SignIn.ADMIN).get(outOfScope).status()).isEqualTo(200);
		Page denied = browser(account).get(outOfScope);
		Page missing = browser(account).get(path.formatted(this.organisation.missingId()));
		assertThat(denied.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(denied.document().select("h1").text()).isEqualTo("Page not found");
		assertThat(denied.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
		assertThat(denied.comparableBody()).isEqualTo(missing.comparableBody());
		assertThat(denied.body()).doesNotContain(target);
	}

	@Test
	void answersAnAreaOfAnotherKindAsMissing() {
		long northern = this.organisation.areaId(Demo.NORTHERN);
		long physio = this.organisation.areaId(Demo.PHYSIO);
		HttpBrowser admin = browser(SignIn.ADMIN);
		assertThat(admin.get("/waiting-areas/" + northern).status()).isEqualTo(404);
		assertThat(admin.get("/meeting-rooms/" + physio + "/users").status()).isEqualTo(404);
		assertThat(admin.get("/organisational-units/" + physio + "/administrators").status()).isEqualTo(404);
		assertThat(admin.get("/waiting-areas/" + northern).comparableBody())
			.isEqualTo(admin.get("/waiting-areas/" + this.organisation.missingId()).comparableBody());
	}

	@Test
	void answersMissingRecordsWithNotFoundEvenForTheSystemAdministrator() {
		long missing = this.organisation.missingId();
		HttpBrowser admin = browser(SignIn.ADMIN);
		for (String path : new String[] { "/organisational-units/%d", "/organisational-units/%d/administrators",
				"/waiting-areas/%d", "/waiting-areas/%d/settings", "/waiting-areas/%d/users", "/meeting-rooms/%d/users",
				"/users/%d" }) {
			Page page = admin.get(path.formatted(missing));
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.document().select("h1").text()).as(path).isEqualTo("Page not found");
		}
	}

	@Test
	void logsRequestsOutsideScope(CapturedOutput output) {
		long southern = this.organisation.areaId(Demo.SOUTHERN);
		long priya = this.organisation.accountId("priya.sharma@example.org");
		browser(SignIn.ORG_ADMIN).get("/organisational-units/" + southern);
		browser(SignIn.ORG_ADMIN).get("/users/" + priya);
		long orgAdmin = this.organisation.accountId(SignIn.ORG_ADMIN);
		assertThat(output)
			.contains("Request outside the administrator's scope: asked for ORGANISATIONAL_UNIT " + southern
					+ " (account " + orgAdmin + ",")
			.contains("Request outside the administrator's scope: asked for account " + priya + " (account " + orgAdmin
					+ ",");
	}

	@Test
	void refusesAdministrationToAnAccountWithoutAdministratorRights() {
		String tag = TestOrganisation.tag();
		long unit = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Clinic Without Administrators " + tag, null);
		String waitingAreaName = "Podiatry " + tag;
		long waitingArea = this.organisation.area(AreaKind.WAITING_AREA, waitingAreaName, unit);
		String email = TestOrganisation.email("pat.provider");
		long provider = this.organisation.person("Pat Provider", email);
		this.organisation.grant(provider, Role.SERVICE_PROVIDER, waitingArea);
		HttpBrowser browser = new HttpBrowser(this.port).signIn(email, TestOrganisation.PASSWORD);

		Page home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.document().select("main li").eachText())
			.containsExactly("Service Provider in " + waitingAreaName);
		assertThat(home.document().select("nav.menu")).isEmpty();
		for (String path : new String[] { "/users", "/users/" + provider, "/waiting-areas",
				"/waiting-areas/" + waitingArea, "/waiting-areas/" + waitingArea + "/users", "/organisational-units",
				"/meeting-rooms" }) {
			Page refused = browser.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.document().select("h1").text()).as(path).isEqualTo("Not allowed");
		}
	}

	private long id(String target) {
		return target.contains("@") ? this.organisation.accountId(target) : this.organisation.areaId(target);
	}

	private HttpBrowser browser(String account) {
		return browsers.computeIfAbsent(account, (email) -> new HttpBrowser(this.port).signIn(email, DEMO_PASSWORD));
	}

}
