package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.RawHttp.Response;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.web.FuzzRoutes.Param;
import com.videocall.admin.web.FuzzRoutes.Route;
import com.videocall.admin.web.FuzzTargets.Target;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * X7: malformed input never gets a server error. Every route found in the handler
 * mappings, every parameter it reads, as a System Administrator, a clinic's Service
 * Administrator and an anonymous visitor, gets seeded malformed values (ids huge,
 * negative, non-numeric; tokens long, percent-encoded, NUL, invalid UTF-8; text with NUL,
 * control characters, braces, markup, 10,000 characters) while its other parameters stay
 * valid, so that POSTs with their CSRF token reach the handlers and commit changes. No
 * answer, nor the page a redirect leads to, may be 500 or more, and nothing may be logged
 * as an ERROR. POSTs only touch the test's own clinic: the demo organisation stays as
 * other test classes expect it.
 */
@ServerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedInputFuzzIntegrationTests {

	private static final long SEED = 20_261_126L;

	/** Malformed values tried per route, visitor and parameter. */
	private static final int PER_PARAMETER = 4;

	private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s+\\d+\\s+---");

	private static final String ANONYMOUS = "anonymous";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	JdbcClient jdbc;

	private FuzzTargets targets;

	private final List<String> failures = new ArrayList<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private int followed;

	@Test
	void answersEveryMalformedInputWithoutAServerErrorOrAnErrorLogLine(CapturedOutput output) {
		this.targets = new FuzzTargets(this.organisation, this.invitations, this.records, this.jdbc);
		List<Long> demoBefore = this.targets.demoState();
		FuzzTargets.Own own = this.targets.plant(this.organisation.missingId());
		// Each visitor signs in once, from an address of its own (sign-ins are
		// throttled).
		Map<String, RawHttp> visitors = Map.of(SignIn.ADMIN,
				new RawHttp(this.port, "127.0.0.202").signIn(SignIn.ADMIN, "demo-password"), own.clinicAdmin(),
				new RawHttp(this.port, "127.0.0.203").signIn(own.clinicAdmin(), FuzzTargets.PASSWORD), ANONYMOUS,
				new RawHttp(this.port, "127.0.0.201").startSession());
		List<Route> routes = FuzzRoutes.of(this.mappings);
		Random random = new Random(SEED);
		// Only what the fuzz makes the server log counts (not the start-up before it).
		int logged = output.getAll().length();
		long started = System.nanoTime();
		int inputs = 0;
		for (Route route : routes) {
			for (String visitor : visitorsOf(route, visitors)) {
				for (Param param : route.params()) {
					for (int i = 0; i < PER_PARAMETER; i++) {
						String malformed = FuzzValues.malformed(param.kind(), random);
						Target target = own.targets().get(random.nextInt(own.targets().size()));
						send(visitors.get(visitor), visitor, route,
								this.targets.request(route, param, malformed, target, random.nextBoolean()));
						inputs++;
					}
				}
			}
		}
		System.out.printf(
				"Fuzz: %d malformed inputs over %d routes as %d visitors (seed %d), %d redirects followed, "
						+ "statuses %s, in %d s%n",
				inputs, routes.size(), visitors.size(), SEED, this.followed, this.statuses,
				(System.nanoTime() - started) / 1_000_000_000);

		assertThat(inputs).isGreaterThanOrEqualTo(1_000);
		assertThat(this.failures).isEmpty();
		String log = output.getAll().substring(logged);
		assertThat(log.lines().filter((line) -> ERROR_LINE.matcher(line).find())).isEmpty();
		assertThat(log.lines().filter((line) -> line.startsWith("\tat "))).as("stack trace lines").isEmpty();
		// The POSTs reached their handlers and committed changes ...
		assertThat(this.targets.remindersSent(own)).isPositive();
		assertThat(this.targets.cancelled(own)).isPositive();
		// ... as signed-in administrators to the end, and only in the test's own clinic.
		assertThat(visitors.get(SignIn.ADMIN).send("GET", "/users", null).status()).isEqualTo(200);
		assertThat(visitors.get(own.clinicAdmin()).send("GET", "/users", null).status()).isEqualTo(200);
		assertThat(this.targets.demoState()).isEqualTo(demoBefore);
	}

	/**
	 * A session cookie that names no session (it decodes to NUL bytes, is no Base64, is
	 * far too long) is no session: every page answers as for a visitor, the probes as
	 * always, with one WARN line per request at most and no ERROR. Beside a real session
	 * cookie it changes nothing.
	 */
	@Test
	void answersAMalformedSessionCookieAsIfThereWereNone(CapturedOutput output) {
		List<String> cookies = List.of("AAAA", "AA==", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%00",
				"e30=", "=", "", "not base64!", "A".repeat(5_000),
				"ZGVhZGJlZWYtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwAA==");
		List<String> paths = List.of("/livez", "/readyz", "/sign-in", "/", "/users", "/invitation/x", "/css/app.css");
		int logged = output.getAll().length();
		int requests = 0;
		for (String cookie : cookies) {
			RawHttp visitor = new RawHttp(this.port, "127.0.0.204").header("Accept", "*/*")
				.header("Cookie", "SESSION=" + cookie);
			for (String path : paths) {
				Response response = visitor.send("GET", path, null);
				requests++;
				assertThat(response.status()).as(cookie + " " + path).isLessThan(500);
				switch (path) {
					case "/livez", "/readyz" -> assertThat(response.body()).as(cookie).contains("\"status\":\"UP\"");
					case "/sign-in" -> assertThat(response.status()).as(cookie).isEqualTo(200);
					case "/", "/users" -> assertThat(response.location()).as(cookie).endsWith("/sign-in");
					default -> {
					}
				}
			}
		}
		RawHttp admin = new RawHttp(this.port, "127.0.0.205").signIn(SignIn.ADMIN, "demo-password");
		Response withBoth = new RawHttp(this.port, "127.0.0.205").header("Cookie", "SESSION=AAAA; " + admin.session())
			.send("GET", "/users", null);
		requests++;
		assertThat(withBoth.status()).as("signed in beside a malformed cookie").isEqualTo(200);

		String log = output.getAll().substring(logged);
		assertThat(log.lines().filter((line) -> ERROR_LINE.matcher(line).find())).isEmpty();
		assertThat(log.lines().filter((line) -> line.startsWith("\tat "))).as("stack trace lines").isEmpty();
		assertThat(log.lines().filter((line) -> line.contains(" WARN "))).hasSizeLessThanOrEqualTo(requests);
	}

	/**
	 * Every route that redirects to a value it is sent ({@code back}, the page the banner
	 * was on) goes somewhere on this application and never answers 500, whatever it is
	 * sent: Undo with a path of 10,000 characters committed and then failed to send its
	 * redirect.
	 */
	@Test
	void redirectsOnlyToAPathOfItsOwnThatARedirectCanCarry() {
		List<Route> routes = FuzzRoutes.of(this.mappings).stream().filter(Route::redirectsToAValueItIsSent).toList();
		assertThat(routes).extracting(Route::pattern).contains("/users/undo/{undoId}");
		FuzzTargets targets = new FuzzTargets(this.organisation, this.invitations, this.records, this.jdbc);
		FuzzTargets.Own own = targets.plant(this.organisation.missingId());
		RawHttp admin = new RawHttp(this.port, "127.0.0.206").signIn(SignIn.ADMIN, "demo-password");
		int next = 0;
		for (Route route : routes) {
			for (String back : FuzzValues.REDIRECT) {
				Target target = own.targets().get(next++ % own.targets().size());
				String undo = cancelForUndo(admin, target);
				Response response = admin.send("POST", undo,
						"_csrf=" + admin.csrfToken() + (FuzzValues.OMIT.equals(back) ? "" : "&back=" + back));
				String described = route + " back=" + shortened(back);
				assertThat(response.status()).as(described).isEqualTo(302);
				URI location = URI.create(response.location());
				assertThat(location.getHost()).as(described).isIn(null, "localhost");
				assertThat(response.location().length()).as(described).isLessThan(4_100);
				assertThat(admin.send("GET", location.getRawPath(), null).status()).as(described).isLessThan(500);
				assertThat(this.records.status(target.invitation())).as(described).isEqualTo("PENDING");
			}
		}
	}

	/**
	 * P3: a bulk action takes up to 1,000 rows; 1,000 (with the CSRF token and the list's
	 * state) reach it, and 1,001 get a banner saying how many it takes, with nothing
	 * done.
	 */
	@Test
	void takesOneThousandRowsInABulkActionAndExplainsWhyNotOneMore() {
		FuzzTargets targets = new FuzzTargets(this.organisation, this.invitations, this.records, this.jdbc);
		FuzzTargets.Own own = targets.plant(this.organisation.missingId());
		RawHttp admin = new RawHttp(this.port, "127.0.0.207").signIn(SignIn.ADMIN, "demo-password");
		List<String> selected = new ArrayList<>();
		for (Target target : own.targets()) {
			selected.add("selected=" + target.invitation() + "%3A" + this.records.version(target.invitation()));
		}
		long missing = own.missing();
		while (selected.size() < 1_000) {
			selected.add("selected=" + (missing + selected.size()) + "%3A0");
		}
		String state = "&q=x&filter=never-reminded&sort=expiry&page=1";

		Response tooMany = admin.send("POST", "/pending-invitations/reminders", "_csrf=" + admin.csrfToken() + "&"
				+ String.join("&", selected) + "&selected=" + missing + "%3A0" + state);
		assertThat(tooMany.status()).isEqualTo(302);
		assertThat(banner(admin, tooMany)).isEqualTo("At most 1,000 people can be chosen at once, and 1,001 were sent. "
				+ "Nothing was done: choose fewer.");
		assertThat(targets.remindersSent(own)).isZero();

		Response thousand = admin.send("POST", "/pending-invitations/reminders",
				"_csrf=" + admin.csrfToken() + "&" + String.join("&", selected) + state);
		assertThat(thousand.status()).isEqualTo(302);
		assertThat(banner(admin, thousand)).startsWith("Reminders sent to " + own.targets().size() + " people.")
			.endsWith((1_000 - own.targets().size()) + " skipped: no longer pending.");
		assertThat(targets.remindersSent(own)).isEqualTo(own.targets().size());
	}

	/** Cancels the target's invitation in its area; the banner's Undo form's action. */
	private String cancelForUndo(RawHttp admin, Target target) {
		String area = "/" + target.kind().path() + "/" + target.areaId();
		Response cancelled = admin.send("POST", area + "/invitations/" + target.invitation() + "/cancellation",
				"_csrf=" + admin.csrfToken() + "&version=" + this.records.version(target.invitation()));
		Element undo = admin.page(URI.create(cancelled.location()).getRawPath())
			.selectFirst("form[action^=/users/undo/]");
		assertThat(undo).as("Undo after cancelling " + target.invitation()).isNotNull();
		return undo.attr("action");
	}

	private static String banner(RawHttp visitor, Response redirect) {
		URI location = URI.create(redirect.location());
		return visitor
			.page(location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : ""))
			.select(".banner > p")
			.text();
	}

	/**
	 * Everyone tries every route, except the POSTs that sign someone in (the sign-in
	 * form, setting up an account), which would end an administrator's session.
	 */
	private static List<String> visitorsOf(Route route, Map<String, RawHttp> visitors) {
		boolean signsIn = route.isPost()
				&& (route.pattern().startsWith("/invitation/") || route.pattern().equals("/sign-in"));
		return signsIn ? List.of(ANONYMOUS) : visitors.keySet().stream().sorted().toList();
	}

	private void send(RawHttp visitor, String name, Route route, FuzzTargets.Request request) {
		String session = visitor.session();
		String body = route.isPost() ? "_csrf=" + visitor.csrfToken() + request.query().map("&"::concat).orElse("")
				: null;
		String target = route.isPost() ? request.path() : request.path() + request.query().map("?"::concat).orElse("");
		String described = route.method() + " " + target
				+ (route.isPost() ? " with " + request.query().orElse("") : "");
		try {
			Response response = visitor.send(route.method(), target, body);
			record(name, described, response);
			String next = redirectTarget(response);
			if (next != null) {
				record(name, "GET " + next + " after " + described, visitor.send("GET", next, null));
				this.followed++;
			}
		}
		catch (UncheckedIOException | IllegalArgumentException ex) {
			this.failures.add(name + ": " + shortened(described) + " -> " + ex);
		}
		if (ANONYMOUS.equals(name) && visitor.session() != null && !visitor.session().equals(session)) {
			// Setting up an account signed the visitor in: be anonymous again.
			visitor.startSession();
		}
	}

	/**
	 * Where a redirect leads (path and query), to check that the page after a change
	 * renders; null for no redirect, or one to the sign-in page, which has its own route.
	 */
	private static String redirectTarget(Response response) {
		if (response.status() < 300 || response.status() >= 400 || response.location().isEmpty()) {
			return null;
		}
		URI location = URI.create(response.location());
		String next = location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
		return next.equals("/sign-in") ? null : next;
	}

	private void record(String visitor, String request, Response response) {
		this.statuses.merge(response.status(), 1, Integer::sum);
		if (response.status() >= 500) {
			this.failures.add(visitor + ": " + shortened(request) + " -> " + response.status());
		}
	}

	private static String shortened(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "… (" + text.length() + " characters)" : text;
	}

}
