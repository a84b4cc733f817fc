package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.videocall.admin.support.OwnApplication;
import com.videocall.admin.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JSON logs (S2): with {@code logging.structured.format.console=ecs} every line the
 * application writes is a JSON object, and every line written while a request is handled,
 * its error page included, carries that request's id. The application runs on its own
 * with debug logging of the security filters and the dispatcher, so that one request
 * writes several lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesJsonLinesThatCarryTheRequestIdThroughout(CapturedOutput output) {
		try (ConfigurableApplicationContext app = OwnApplication.start("--logging.structured.format.console=ecs",
				"--logging.level.org.springframework.security.web.FilterChainProxy=DEBUG",
				"--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG")) {
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
	static void loggingToBeSetUpAgain() {
		LoggingSystem.get(StructuredLogsTests.class.getClassLoader()).cleanUp();
	}

	/**
	 * The format chosen is also kept in a system property that later starts do not
	 * replace: take it away, and set up the logging that every other test expects
	 * (application.properties, text lines) again.
	 */
	@AfterAll
	static void plainLogsAgain() {
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
		LoggingSystem.get(StructuredLogsTests.class.getClassLoader()).cleanUp();
		new SpringApplicationBuilder(Object.class).web(WebApplicationType.NONE).logStartupInfo(false).run().close();
	}

}
