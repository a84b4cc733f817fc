package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.ServerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request has an id (S2), in the response's {@code X-Request-Id} and in what it
 * logs: the one a proxy sent when it is sane, a new one otherwise. Every line of one
 * request, in JSON logs, is {@code StructuredLogsTests}'s concern.
 */
@ServerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	@LocalServerPort
	int port;

	@Test
	void keepsASaneIdThatAProxySent() {
		String id = "f3a9c2e1-proxy.7:B_x";
		RawHttp.Response answer = new RawHttp(this.port, "127.0.0.71").header("X-Request-Id", id)
			.send("GET", "/sign-in", null);
		assertThat(answer.headers("X-Request-Id")).containsExactly(id);
	}

	@Test
	void givesEachRequestWithoutAnIdANewOne() {
		RawHttp visitor = new RawHttp(this.port, "127.0.0.72");
		String first = visitor.send("GET", "/sign-in", null).headers("X-Request-Id").get(0);
		String second = visitor.send("GET", "/sign-in", null).headers("X-Request-Id").get(0);
		assertThat(first).matches(UUID);
		assertThat(second).matches(UUID).isNotEqualTo(first);
	}

	@ParameterizedTest
	@ValueSource(strings = { "has space", "quote\"d", "<script>", "${jndi:ldap://example.invalid/a}", "semi;colon",
			"caf\u00e9", "01234567890123456789012345678901234567890123456789012345678901234", "" })
	void replacesAnIdThatIsNotSaneWithANewOne(String sent) {
		RawHttp.Response answer = new RawHttp(this.port, "127.0.0.73").header("X-Request-Id", sent)
			.send("GET", "/sign-in", null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.headers("X-Request-Id")).singleElement().asString().matches(UUID);
	}

	@Test
	void writesTheIdIntoWhatTheRequestLogs(CapturedOutput output) {
		int from = output.getOut().length();
		RawHttp.Response answer = new RawHttp(this.port, "127.0.0.74").header("X-Request-Id", "logged-request-1")
			.send("GET", "/users?q=%C0", null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(output.getOut().substring(from).lines().filter((line) -> line.contains("Refused GET /users")))
			.singleElement()
			.asString()
			.contains(" [logged-request-1] ");
	}

}
