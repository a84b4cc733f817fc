package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.support.Demo;
import com.videocall.admin.support.Demo.UserRow;
import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.OwnApplication;
import com.videocall.admin.support.SignIn;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organisation is planted only where it is wanted: never in the {@code prod}
 * profile, whatever {@code app.demo-data.enabled} says, and not when that is false; where
 * it is, its invitations come with their emails, so that their links can be followed from
 * "Sent emails" at once. Each test starts the application on its own, on a fresh, empty
 * database (the shared test context has the demo organisation planted and a mail server).
 */
class DemoDataSwitchTests {

	private static final String DEMO_PASSWORD = "demo-password";

	@Test
	void plantsNothingInTheProdProfileEvenWithDemoDataEnabled() {
		// The prod profile starts only with a second factor required and a key of its
		// own.
		try (ConfigurableApplicationContext app = OwnApplication.start("--spring.profiles.active=prod",
				"--app.demo-data.enabled=true", "--app.sign-in.second-factor=required",
				"--app.sign-in.secret-key=a key of this test's own")) {
			assertNothingPlanted(app);
		}
	}

	@Test
	void plantsNothingWhenDemoDataIsSwitchedOff() {
		try (ConfigurableApplicationContext app = OwnApplication.start("--app.demo-data.enabled=false")) {
			assertNothingPlanted(app);
		}
	}

	/**
	 * As README has a newcomer do it: each demo administrator signs in with the demo
	 * password and sets up an authenticator app from the key shown as text (where README
	 * offers {@code oathtool --totp -b KEY}), the second factor being required as by
	 * default.
	 */
	@Test
	void plantsTheDemoInvitationsWithTheirEmailsWhoseLinksWorkFromTheFirstStart() {
		try (ConfigurableApplicationContext app = OwnApplication.start("--app.sign-in.second-factor=required")) {
			for (String other : List.of(SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN)) {
				signInSettingUpAnApp(new HttpBrowser(OwnApplication.port(app)), other);
			}
			HttpBrowser admin = signInSettingUpAnApp(new HttpBrowser(OwnApplication.port(app)), SignIn.ADMIN);
			Elements emails = admin.get("/sent-emails").document().select("main table tbody tr");
			// Each administrator was told of the app set up.
			Elements notices = emails.select("tr:contains(Your Video Call Admin sign-in has changed)");
			assertThat(notices.stream().map((row) -> row.child(0).text())).containsExactlyInAnyOrder(SignIn.ADMIN,
					SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, SignIn.ROOM_ADMIN);
			Elements rows = new Elements(emails.stream().filter((row) -> !notices.contains(row)).toList());
			List<String> invitees = Demo.PEOPLE.stream().filter(UserRow::pending).map(UserRow::email).toList();
			// Two invitees were offered more roles by a second administrator: a second
			// email.
			assertThat(rows).hasSize(invitees.size() + 2);
			assertThat(rows.eachText()).allMatch((row) -> row.contains("Queued"));
			assertThat(rows.stream().map((row) -> row.child(0).text()).distinct())
				.containsExactlyInAnyOrderElementsOf(invitees);

			HttpBrowser invitee = new HttpBrowser(OwnApplication.port(app));
			Page setUp = invitee.get(linkInEmailTo(admin, rows, "new.physio@example.org"));
			assertThat(setUp.status()).isEqualTo(200);
			assertThat(setUp.document().select("h1").text()).isEqualTo("Set up your account");
			assertThat(setUp.document().select("form input[name=password]")).hasSize(1);

			Page expired = invitee.get(linkInEmailTo(admin, rows, "lucas.reporter@example.org"));
			assertThat(expired.document().select("h1").text()).as("invited 25 days ago")
				.isEqualTo("This link has expired");
		}
	}

	private static HttpBrowser signInSettingUpAnApp(HttpBrowser browser, String email) {
		browser.signIn(email, DEMO_PASSWORD);
		assertThat(browser.get("/").location()).as(email).endsWith("/sign-in/second-factor");
		assertThat(browser.get("/sign-in/second-factor").location()).as(email).endsWith("/sign-in/set-up");
		Page app = browser.get("/sign-in/set-up/authenticator-app");
		assertThat(app.document().text()).contains("Enter this key instead:");
		String key = app.document().select("code.key").text().replace(" ", "");
		Page codes = browser.post("/sign-in/set-up/authenticator-app", Map.of("code",
				AuthenticatorAppCodes.code(key, 0), "_csrf", app.document().selectFirst("input[name=_csrf]").val()));
		assertThat(codes.document().select("h1").text()).as(email).isEqualTo("Recovery codes");
		assertThat(browser.get("/").status()).as(email).isEqualTo(200);
		return browser;
	}

	/**
	 * The path of the link in the email to {@code recipient}, as "Sent emails" shows it.
	 */
	private static String linkInEmailTo(HttpBrowser admin, Elements rows, String recipient) {
		Element row = rows.stream()
			.filter((candidate) -> candidate.child(0).text().equals(recipient))
			.findFirst()
			.orElseThrow();
		Element link = admin.get(row.selectFirst("a").attr("href"))
			.document()
			.selectFirst("main a[href*=/invitation/]");
		assertThat(link).as("link in the email to %s", recipient).isNotNull();
		return URI.create(link.attr("href")).getPath();
	}

	private static void assertNothingPlanted(ConfigurableApplicationContext app) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		// The schema is there (Flyway ran), but empty.
		assertThat(count(jdbc, "flyway_schema_history")).isPositive();
		for (String table : new String[] { "account", "area", "role_grant", "invitation", "outbound_email" }) {
			assertThat(count(jdbc, table)).as(table).isZero();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
