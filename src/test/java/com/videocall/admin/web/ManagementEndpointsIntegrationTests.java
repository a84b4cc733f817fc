package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import com.videocall.admin.support.ManagementPort;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Operators' endpoints (S2): health, probes and metrics answer on the management port,
 * which listens on 127.0.0.1 only; on the application's port there are only the probes,
 * which tell a load balancer UP or not and nothing else.
 */
@ServerIntegrationTest
class ManagementEndpointsIntegrationTests {

	private static final List<String> ACTUATOR_PATHS = List.of("/actuator", "/actuator/health",
			"/actuator/health/readiness", "/actuator/prometheus", "/actuator/env", "/actuator/heapdump");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Test
	void answersTheProbesOnTheApplicationPortWithTheirStatusOnly() {
		RawHttp anonymous = new RawHttp(this.port, "127.0.0.61").header("Accept", "*/*");
		for (String probe : List.of("/livez", "/readyz")) {
			RawHttp.Response answer = anonymous.send("GET", probe, null);
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void reportsReadinessAndLivenessAsTheApplicationChangesThem() {
		RawHttp balancer = new RawHttp(this.port, "127.0.0.62").header("Accept", "*/*");
		ManagementPort management = new ManagementPort(this.managementPort);
		try {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
			assertThat(balancer.send("GET", "/readyz", null).status()).isEqualTo(503);
			assertThat(management.get("/actuator/health/readiness"))
				.isEqualTo(new ManagementPort.Answer(503, "{\"status\":\"OUT_OF_SERVICE\"}"));
			assertThat(balancer.send("GET", "/livez", null).status()).isEqualTo(200);

			AvailabilityChangeEvent.publish(this.context, LivenessState.BROKEN);
			assertThat(balancer.send("GET", "/livez", null).status()).isEqualTo(503);
			assertThat(management.get("/actuator/health/liveness"))
				.isEqualTo(new ManagementPort.Answer(503, "{\"status\":\"DOWN\"}"));
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(balancer.send("GET", "/readyz", null).status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void servesHealthAndMetricsOnTheManagementPort() {
		ManagementPort management = new ManagementPort(this.managementPort);

		ManagementPort.Answer health = management.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"db\":{").contains("\"readinessState\":{\"status\":\"UP\"}");
		assertThat(management.metrics()).contains("videocall_outbox_backlog{application=\"video-call-admin\"}",
				"videocall_invitations_pending{application=\"video-call-admin\"}", "http_server_requests_seconds_count",
				"hikaricp_connections_active");
		ManagementPort.Answer environment = management.get("/actuator/env");
		assertThat(environment.status()).as("endpoints not exposed").isNotEqualTo(200);
		assertThat(environment.body()).doesNotContain("propertySources");
	}

	@Test
	void keepsTheManagementEndpointsOffTheApplicationPort() {
		RawHttp anonymous = new RawHttp(this.port, "127.0.0.63");
		RawHttp admin = new RawHttp(this.port, "127.0.0.64").signIn(SignIn.ADMIN, "demo-password");
		for (String path : ACTUATOR_PATHS) {
			RawHttp.Response asAnonymous = anonymous.send("GET", path, null);
			assertThat(asAnonymous.status()).as(path).isEqualTo(302);
			assertThat(asAnonymous.location()).as(path).endsWith("/sign-in");
			RawHttp.Response asAdmin = admin.send("GET", path, null);
			assertThat(asAdmin.status()).as(path).isEqualTo(404);
			assertThat(asAdmin.body()).as(path).doesNotContain("jvm_", "\"status\"", "\"components\"");
		}
	}

	@Test
	void listensForManagementOnLoopbackOnly() throws IOException {
		try (Socket loopback = new Socket()) {
			loopback.connect(new InetSocketAddress("127.0.0.1", this.managementPort), 5_000);
		}
		// 127.0.0.2 reaches this machine too, but not a server bound to 127.0.0.1.
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket other = new Socket()) {
				other.connect(new InetSocketAddress("127.0.0.2", this.managementPort), 5_000);
			}
		});
		try (Socket application = new Socket()) {
			application.connect(new InetSocketAddress("127.0.0.2", this.port), 5_000);
		}
	}

}
