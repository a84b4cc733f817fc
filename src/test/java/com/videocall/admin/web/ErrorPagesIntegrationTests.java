package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * X7: bad addresses and missing records get the application's own friendly page, on a
 * real server (MockMvc does not render error pages), and never exception names, messages
 * or stack traces; a client's mistake is logged as one WARN line at most.
 */
@ServerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	JdbcClient jdbc;

	HttpBrowser admin;

	@BeforeEach
	void signIn() {
		this.admin = new HttpBrowser(this.port).signIn(SignIn.ADMIN, "demo-password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/%d", "/waiting-areas/%d", "/waiting-areas/%d/settings",
			"/organisational-units/%d/administrators", "/meeting-rooms/%d/users" })
	void showsTheFriendlyNotFoundPageForAMissingRecord(String path) {
		Page page = this.admin.get(path.formatted(this.organisation.missingId()));
		assertThat(page.status()).isEqualTo(404);
		assertFriendly(page, "Page not found",
				"The page or record you asked for does not exist, or you do not have access to it.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/abc", "/users?page=abc", "/users/99999999999999999999", "/waiting-areas?page=abc",
			"/organisational-units/abc", "/meeting-rooms/1x/users", "/waiting-areas/1/users?page=%27%3B--" })
	void showsTheFriendlyBadRequestPageForMalformedInput(String path) {
		Page page = this.admin.get(path);
		assertThat(page.status()).isEqualTo(400);
		assertFriendly(page, "Bad request", "The request could not be understood. Check the address and try again.");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/no-such-page", "/user", "/users-list", "/invitations/1", "/sign-in/help", "/settings?x=1" })
	void showsTheFriendlyNotFoundPageForAnUnknownAddress(String path) {
		Page page = this.admin.get(path);
		assertThat(page.status()).isEqualTo(404);
		assertFriendly(page, "Page not found",
				"The page or record you asked for does not exist, or you do not have access to it.");
	}

	@Test
	void showsTheNotFoundPageForAnUnknownAddressToAnAccountWithoutAdministratorRights() {
		String tag = TestOrganisation.tag();
		long unit = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Clinic For Unknown Addresses " + tag, null);
		long waitingArea = this.organisation.area(AreaKind.WAITING_AREA, "Hydrotherapy " + tag, unit);
		String provider = TestOrganisation.email("uma.provider");
		this.organisation.grant(this.organisation.person("Uma Provider", provider), Role.SERVICE_PROVIDER, waitingArea);
		HttpBrowser browser = new HttpBrowser(this.port).signIn(provider, TestOrganisation.PASSWORD);

		Page unknown = browser.get("/no-such-page");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.document().select("main h1").text()).isEqualTo("Page not found");
		// Administration stays "not allowed" for this account, as before.
		assertThat(browser.get("/users").status()).isEqualTo(403);
	}

	@Test
	void answersAFormSentToAnUnknownAddressWithNotFound() {
		String csrf = this.admin.get("/").document().selectFirst("input[name=_csrf]").val();
		Page page = this.admin.post("/no-such-page", Map.of("_csrf", csrf));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.document().select("main h1").text()).isEqualTo("Page not found");
	}

	@Test
	void sendsAnonymousVisitorsOfAnUnknownAddressToSignInAsForAnyPage() {
		HttpBrowser anonymous = new HttpBrowser(this.port);
		Page unknown = anonymous.get("/no-such-page");
		Page known = anonymous.get("/users");
		// The answer does not tell whether the address exists.
		assertThat(unknown.status()).isEqualTo(302);
		assertThat(known.status()).isEqualTo(302);
		assertThat(unknown.location()).endsWith("/sign-in").isEqualTo(known.location());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users?q=%C0", "/waiting-areas?q=%FF%FE", "/users/1?q=%ED%A0%80", "/sign-in?x=%C3%28" })
	void answersUndecodableParametersWithTheBadRequestPageAndOneWarning(String path, CapturedOutput output) {
		int from = output.getOut().length();

		Page page = this.admin.get(path);

		assertThat(page.status()).isEqualTo(400);
		assertFriendly(page, "Bad request", "The request could not be understood. Check the address and try again.");
		String log = output.getOut().substring(from);
		String loggedPath = path.substring(0, path.indexOf('?'));
		assertThat(log.lines().filter((line) -> line.contains("Refused GET " + loggedPath + ":"))).hasSize(1);
		assertNoErrorOrStackTrace(log);
	}

	@Test
	void answersAnUndecodableFormWithTheBadRequestPageAndOneWarningWithoutItsToken(CapturedOutput output) {
		String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE";
		String csrf = "_csrf=" + this.admin.csrfToken();
		int from = output.getOut().length();

		Page form = this.admin.postEncoded("/users/invitations/1/reminder", csrf + "&version=1&q=%C0");
		Page setUp = this.admin.postEncoded("/invitation/" + token, csrf + "&fullName=%C0&password=secret%FF");

		assertThat(form.status()).isEqualTo(400);
		assertThat(setUp.status()).isEqualTo(400);
		assertFriendly(setUp, "Bad request", "The request could not be understood. Check the address and try again.");
		String log = output.getOut().substring(from);
		assertThat(log.lines().filter((line) -> line.contains("Refused POST "))).hasSize(2);
		assertThat(log).doesNotContain(token).doesNotContain("secret");
		assertNoErrorOrStackTrace(log);
	}

	@Test
	void answersAnInvalidRequestLineWithoutLoggingAStackTrace(CapturedOutput output) {
		RawHttp raw = new RawHttp(this.port, "127.0.0.1");
		int from = output.getOut().length();

		assertThat(raw.send("GET", "/users?q=a|b{c}", null).status()).isEqualTo(400);
		assertThat(raw.send("GET", "/users/<x>", null).status()).isEqualTo(400);
		String log = output.getOut().substring(from);
		assertNoErrorOrStackTrace(log);
		assertThat(log).doesNotContain("IllegalArgumentException");
	}

	/**
	 * IM4: a file past the servlet's multipart limits (20 MB) is refused unread, before
	 * the CSRF check, yet the browser, once it has sent the whole file, is sent back to
	 * Import Users with the area it came from and the summary a file of 6 MB gets;
	 * nothing is stored, and the log has one INFO line.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 25, 100 })
	void sendsAFilePastTheMultipartLimitsBackToImportUsersHavingReadIt(int megabytes, CapturedOutput output) {
		Clinic clinic = this.organisation.clinic();
		String form = "/users/import?area=" + clinic.waitingArea();
		RawHttp admin = new RawHttp(this.port, "127.0.0.91").signIn(clinic.adminEmail(), TestOrganisation.PASSWORD);
		assertThat(admin.page(form).select("form[enctype=multipart/form-data]").attr("action")).isEqualTo(form);
		int from = output.getOut().length();

		RawHttp.Response refused = admin.upload(form, "staff.csv", megabytes * 1024L * 1024L);

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.target()).isEqualTo(form + "&upload=too-large");
		Document page = admin.page(refused.target());
		assertThat(page.select(".error-summary li").eachText())
			.containsExactly("The file is larger than 5 MB. Split it into smaller files.");
		assertThat(page.select("#file-error").text()).startsWith("The file is larger than 5 MB.");
		assertThat(page.select("form[enctype=multipart/form-data]").attr("action")).isEqualTo(form);
		assertThat(this.jdbc.sql("select count(*) from user_import where administrator_id = ?")
			.param(clinic.admin())
			.query(Long.class)
			.single()).isZero();
		String log = output.getOut().substring(from);
		assertThat(log.lines()
			.filter((line) -> line.contains(" INFO ") && line
				.contains("Sent POST /users/import back to its form: the file is past the multipart limits")))
			.hasSize(1);
		assertNoErrorOrStackTrace(log);
	}

	/**
	 * A file past the multipart limits sent anywhere else is still refused as too large,
	 * but read to its end first, so that the client gets the answer rather than a
	 * connection reset.
	 */
	@Test
	void answersAFilePastTheMultipartLimitsSentElsewhereWithContentTooLargeHavingReadIt(CapturedOutput output) {
		RawHttp admin = new RawHttp(this.port, "127.0.0.92").signIn(SignIn.ADMIN, "demo-password");
		admin.page("/users");
		int from = output.getOut().length();

		assertThat(admin.upload("/users", "staff.csv", 25 * 1024L * 1024L).status()).isEqualTo(413);
		assertNoErrorOrStackTrace(output.getOut().substring(from));
	}

	/** What the requests made the server log: no ERROR line, no stack trace. */
	private static void assertNoErrorOrStackTrace(String log) {
		assertThat(log.lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
		assertThat(log).doesNotContain("\tat ");
	}

	private static void assertFriendly(Page page, String heading, String text) {
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.document().select("main h1").text()).isEqualTo(heading);
		assertThat(page.document().select("main p").eachText()).contains(text);
		assertThat(page.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("java.")
			.doesNotContain("org.springframework")
			.doesNotContain("at com.videocall")
			.doesNotContain("Failed to convert")
			.doesNotContain("NumberFormat")
			.doesNotContainIgnoringCase("trace")
			.doesNotContain("Whitelabel");
	}

}
