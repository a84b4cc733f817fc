package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.videocall.admin.support.FastPasswords;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.OwnApplication;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JSON logs (S2): with {@code logging.structured.format.console=ecs} every line the
 * application writes is a JSON object, and every line written while a request is handled,
 * its error page included, carries that request's id. Security events that are not
 * administrators' actions ({@link SecurityLog}) are one line each with their ECS fields,
 * and a flood of them writes a bounded number of lines. One application runs for all
 * tests, with a movable clock (each test starts in a minute of its own, so that the
 * security log's allowance is whole) and the tests' fast password hashing (for the
 * flood's unknown emails), administrators signing in with a password alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The security log's default allowance per action and minute. */
	private static final int LINES_PER_MINUTE = 20;

	/** The password of the demo organisation's accounts. */
	private static final String DEMO_PASSWORD = "demo-password";

	private static ConfigurableApplicationContext app;

	@Test
	void writesJsonLinesThatCarryTheRequestIdThroughout(CapturedOutput output) {
		// Debug logging of the security filters and the dispatcher, so that one request
		// writes several lines.
		List<String> debugged = List.of("org.springframework.security.web.FilterChainProxy",
				"org.springframework.web.servlet.DispatcherServlet");
		LoggingSystem logging = LoggingSystem.get(StructuredLogsTests.class.getClassLoader());
		debugged.forEach((logger) -> logging.setLogLevel(logger, LogLevel.DEBUG));
		try {
			RawHttp visitor = new RawHttp(OwnApplication.port(app), "127.0.0.75");

			int from = output.getOut().length();
			RawHttp.Response refused = visitor.header("X-Request-Id", "json-request-1")
				.send("GET", "/users?q=%C0", null);
			assertThat(refused.status()).isEqualTo(400);
			List<JsonNode> refusedLines = requestLines(output, from, "Exiting from \"ERROR\" dispatch");
			assertThat(refusedLines).extracting((line) -> line.get("message").asString())
				.anyMatch((message) -> message.startsWith("Refused GET /users"))
				.anyMatch((message) -> message.startsWith("Securing GET /error"));
			assertThat(refusedLines)
				.allSatisfy((line) -> assertThat(line.get("requestId").asString()).as(line.toString())
					.isEqualTo("json-request-1"));

			from = output.getOut().length();
			RawHttp.Response page = visitor.header("X-Request-Id", "not sane").send("GET", "/sign-in", null);
			assertThat(page.status()).isEqualTo(200);
			String generated = page.headers("X-Request-Id").get(0);
			assertThat(requestLines(output, from, "Completed 200 OK")).allSatisfy(
					(line) -> assertThat(line.get("requestId").asString()).as(line.toString()).isEqualTo(generated));
		}
		finally {
			debugged.forEach((logger) -> logging.setLogLevel(logger, null));
		}
	}

	@Test
	void writesAWrongPasswordAsOneFailedSignIn(CapturedOutput output) {
		RawHttp visitor = new RawHttp(OwnApplication.port(app), "127.0.0.76");

		int from = output.getOut().length();
		assertThat(visitor.trySignIn(SignIn.CLINIC_ADMIN, "not the password")).isEqualTo("/sign-in?error");

		JsonNode line = securityLine(output, from, "sign-in-failed");
		assertThat(line.at("/log/level").asString()).isEqualTo("INFO");
		assertThat(line.at("/event/category").asString()).isEqualTo("authentication");
		assertThat(line.at("/event/outcome").asString()).isEqualTo("failure");
		assertThat(line.at("/event/reason").asString()).isEqualTo("wrong password");
		assertThat(line.at("/user/email").asString()).isEqualTo(SignIn.CLINIC_ADMIN);
		assertThat(line.at("/user/id").asString()).isEqualTo(accountId(SignIn.CLINIC_ADMIN));
		assertThat(line.at("/source/ip").asString()).isEqualTo("127.0.0.76");
		assertThat(line.at("/url/path").asString()).isEqualTo("/sign-in");
		assertThat(line.get("message").asString())
			.isEqualTo("Sign-in failed: wrong password (user " + SignIn.CLINIC_ADMIN + ", account "
					+ accountId(SignIn.CLINIC_ADMIN) + ", from 127.0.0.76, POST /sign-in)");
		assertThat(line.get("requestId").asString()).isNotEmpty();
		assertThat(output.getOut().substring(from)).doesNotContain("not the password");

		// The activity trail's entry for it (AC6): one line of its own, with the same
		// fields.
		List<JsonNode> trail = output.getOut()
			.substring(from)
			.lines()
			.map(JSON::readTree)
			.filter((entry) -> entry.at("/log/logger").asString().equals("com.videocall.admin.activity.trail"))
			.toList();
		assertThat(trail).singleElement().satisfies((entry) -> {
			assertThat(entry.at("/event/action").asString()).isEqualTo("sign-in-refused");
			assertThat(entry.at("/event/category").asString()).isEqualTo("authentication");
			assertThat(entry.at("/event/outcome").asString()).isEqualTo("failure");
			assertThat(entry.at("/user/id").asString()).isEqualTo("automatic");
			assertThat(entry.at("/related/user").asString()).isEqualTo(SignIn.CLINIC_ADMIN);
		});
	}

	@Test
	void writesARefusedCsrfTokenAsOneLineNamingWhoeverIsSignedIn(CapturedOutput output) {
		RawHttp administrator = new RawHttp(OwnApplication.port(app), "127.0.0.77").signIn(SignIn.CLINIC_ADMIN,
				DEMO_PASSWORD);

		int from = output.getOut().length();
		assertThat(administrator.send("POST", "/sign-out", "_csrf=forged").status()).isEqualTo(403);

		JsonNode line = securityLine(output, from, "csrf-token-refused");
		assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(line.at("/event/category").asString()).isEqualTo("web");
		assertThat(line.at("/event/outcome").asString()).isEqualTo("failure");
		assertThat(line.at("/event/reason").asString()).isEqualTo("wrong token");
		assertThat(line.at("/user/email").asString()).isEqualTo(SignIn.CLINIC_ADMIN);
		assertThat(line.at("/user/id").asString()).isEqualTo(accountId(SignIn.CLINIC_ADMIN));
		assertThat(line.at("/source/ip").asString()).isEqualTo("127.0.0.77");
		assertThat(line.at("/http/request/method").asString()).isEqualTo("POST");
		assertThat(line.at("/url/path").asString()).isEqualTo("/sign-out");
		assertThat(output.getOut().substring(from)).doesNotContain(administrator.csrfToken());
	}

	/**
	 * A Service Administrator opens an invitation whose roles are all in areas of others
	 * (X1): "not found", and one line.
	 */
	@Test
	void writesAnOutOfScopeRequestAsOneLineNamingTheAdministrator(CapturedOutput output) {
		RawHttp administrator = new RawHttp(OwnApplication.port(app), "127.0.0.78").signIn(SignIn.CLINIC_ADMIN,
				DEMO_PASSWORD);
		long elsewhere = app.getBean(JdbcClient.class).sql("""
				select i.id from invitation i where i.status = 'PENDING' and not exists (
				    select 1 from invited_role r join role_grant g on g.area_id = r.area_id
				    join account a on a.id = g.account_id where r.invitation_id = i.id and a.email = ?)
				order by i.id limit 1
				""").param(SignIn.CLINIC_ADMIN).query(Long.class).single();

		int from = output.getOut().length();
		assertThat(administrator.send("GET", "/users/invitations/" + elsewhere, null).status()).isEqualTo(404);

		JsonNode line = securityLine(output, from, "out-of-scope-request");
		assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(line.at("/event/category").asString()).isEqualTo("web");
		assertThat(line.at("/event/outcome").asString()).isEqualTo("failure");
		assertThat(line.at("/event/reason").asString()).isEqualTo("asked for invitation " + elsewhere);
		assertThat(line.at("/user/id").asString()).isEqualTo(accountId(SignIn.CLINIC_ADMIN));
		assertThat(line.at("/source/ip").asString()).isEqualTo("127.0.0.78");
		assertThat(line.at("/url/path").asString()).isEqualTo("/users/invitations/" + elsewhere);
	}

	@Test
	void writesAThrottledSignInAsOneLine(CapturedOutput output) {
		RawHttp guesser = new RawHttp(OwnApplication.port(app), "127.0.0.79");
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(guesser.trySignIn(SignIn.ROOM_ADMIN, "guess " + attempt)).isEqualTo("/sign-in?error");
		}

		int from = output.getOut().length();
		assertThat(guesser.trySignIn(SignIn.ROOM_ADMIN, DEMO_PASSWORD)).isEqualTo("/sign-in?locked");

		JsonNode line = securityLine(output, from, "sign-in-throttled");
		assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(line.at("/event/category").asString()).isEqualTo("authentication");
		assertThat(line.at("/event/outcome").asString()).isEqualTo("failure");
		assertThat(line.at("/event/reason").asString()).isEqualTo("too many wrong passwords");
		assertThat(line.at("/user/email").asString()).isEqualTo(SignIn.ROOM_ADMIN);
		assertThat(line.at("/user/id").asString()).isEqualTo(accountId(SignIn.ROOM_ADMIN));
		assertThat(line.at("/source/ip").asString()).isEqualTo("127.0.0.79");
	}

	/**
	 * An outside probe's 320 failed sign-ins (unknown emails, 5 from each of 64 client
	 * addresses, so that no throttle steps in): a bounded number of lines, which with the
	 * line that says how many were left out account for every attempt.
	 */
	@Test
	void writesAFloodOfFailedSignInsAsABoundedNumberOfLinesThatAccountForEveryAttempt(CapturedOutput output)
			throws Exception {
		int from = output.getOut().length();
		MutableClock clock = app.getBean(MutableClock.class);
		Instant start = clock.instant();
		int attempts = 64 * 5;
		ExecutorService probes = Executors.newFixedThreadPool(4);
		List<Future<?>> done = IntStream.range(101, 165).<Future<?>>mapToObj((address) -> probes.submit(() -> {
			RawHttp probe = new RawHttp(OwnApplication.port(app), "127.0.0." + address).startSession();
			for (int attempt = 0; attempt < 5; attempt++) {
				String email = "probe-" + address + "-" + attempt + "@test.invalid";
				String body = probe.form("email", email, "password", "guess");
				assertThat(probe.send("POST", "/sign-in", body).target()).isEqualTo("/sign-in?error");
			}
		})).toList();
		for (Future<?> probe : done) {
			probe.get();
		}
		probes.shutdown();
		long minutes = 1 + Duration.between(start, clock.instant()).toMinutes();
		List<JsonNode> flood = securityLines(output, from);
		assertThat(flood).as("at most %d lines a minute, for %d minutes", LINES_PER_MINUTE, minutes)
			.isNotEmpty()
			.hasSizeLessThanOrEqualTo((int) (minutes * (LINES_PER_MINUTE + 1)));

		clock.advance(SecurityLog.INTERVAL);
		new RawHttp(OwnApplication.port(app), "127.0.0.165").trySignIn("after-the-flood@test.invalid", "guess");
		// The line that says how many were left out is written by that sign-in, or by the
		// scheduled round if it came first.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<JsonNode> lines = securityLines(output, from);
			List<JsonNode> written = lines.stream()
				.filter((line) -> line.at("/event/kind").asString().equals("event"))
				.toList();
			int leftOut = lines.stream()
				.filter((line) -> line.at("/event/kind").asString().equals("metric"))
				.mapToInt((line) -> Integer.parseInt(line.at("/labels/suppressed").asString()))
				.sum();
			assertThat(lines)
				.allSatisfy((line) -> assertThat(line.at("/event/action").asString()).isEqualTo("sign-in-failed"));
			assertThat(leftOut).isPositive();
			assertThat(written.size() - 1 + leftOut).as("every attempt of the flood, written or counted")
				.isEqualTo(attempts);
			assertThat(written.get(written.size() - 1).at("/user/email").asString())
				.isEqualTo("after-the-flood@test.invalid");
		});
	}

	/** A new minute: each action of the security log may write its lines again. */
	@BeforeEach
	void nextMinute() {
		app.getBean(MutableClock.class).advance(SecurityLog.INTERVAL);
	}

	private static String accountId(String email) {
		return app.getBean(JdbcClient.class)
			.sql("select id from account where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	/**
	 * The one security event written since {@code from} (every line since then being
	 * JSON), which must be of that action.
	 */
	private static JsonNode securityLine(CapturedOutput output, int from, String action) {
		List<JsonNode> events = securityLines(output, from).stream()
			.filter((line) -> line.at("/event/kind").asString().equals("event"))
			.toList();
		assertThat(events).singleElement()
			.satisfies((line) -> assertThat(line.at("/event/action").asString()).isEqualTo(action));
		return events.get(0);
	}

	/** The security log's lines since {@code from}, every line since then being JSON. */
	private static List<JsonNode> securityLines(CapturedOutput output, int from) {
		return output.getOut()
			.substring(from)
			.lines()
			.map(JSON::readTree)
			.filter((line) -> line.at("/log/logger").asString().equals(SecurityLog.class.getName()))
			.toList();
	}

	/**
	 * Waits until the request has logged its last line, checks that everything logged
	 * since {@code from} is JSON, and returns the lines of the threads that handle
	 * requests (at least three: one request's).
	 */
	private static List<JsonNode> requestLines(CapturedOutput output, int from, String lastMessage) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().substring(from).contains(lastMessage.replace("\"", "\\\"")));
		List<JsonNode> lines = output.getOut().substring(from).lines().map(JSON::readTree).toList();
		List<JsonNode> ofRequest = lines.stream()
			.filter((line) -> line.at("/process/thread/name").asString().contains("-exec-"))
			.toList();
		assertThat(ofRequest).hasSizeGreaterThanOrEqualTo(3);
		assertThat(ofRequest).allSatisfy((line) -> assertThat(line.at("/log/level").asString()).isNotEmpty());
		return ofRequest;
	}

	/**
	 * Logging is one for the whole JVM, set up by the first application that starts while
	 * no other has it set up: let this test's application set it up anew, in JSON.
	 */
	@BeforeAll
	static void startInJson() {
		LoggingSystem.get(StructuredLogsTests.class.getClassLoader()).cleanUp();
		app = OwnApplication.start(List.of(MovableClockIntegrationTest.MovableClock.class, FastPasswords.class),
				List.of(), "--logging.structured.format.console=ecs", "--app.sign-in.second-factor=optional",
				"--app.security-log.lines-per-minute=" + LINES_PER_MINUTE);
	}

	/**
	 * The format chosen is also kept in a system property that later starts do not
	 * replace: take it away, and set up the logging that every other test expects
	 * (application.properties, text lines) again.
	 */
	@AfterAll
	static void plainLogsAgain() {
		app.close();
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
		LoggingSystem.get(StructuredLogsTests.class.getClassLoader()).cleanUp();
		new SpringApplicationBuilder(Object.class).web(WebApplicationType.NONE).logStartupInfo(false).run().close();
	}

}
