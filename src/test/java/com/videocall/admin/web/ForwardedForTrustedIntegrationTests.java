package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy, configured to trust it (S3): the throttles count the client
 * address the proxy forwards in X-Forwarded-For, and only from that proxy. The proxy
 * settings make this a server and application context of its own, separate from every
 * other {@link ServerIntegrationTest}'s.
 */
@ServerIntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"server.tomcat.remoteip.internal-proxies=127.0.0.42/32" })
class ForwardedForTrustedIntegrationTests {

	private static final String PROXY = "127.0.0.42";

	@LocalServerPort
	int port;

	@Autowired
	TestOrganisation organisation;

	@Test
	void countsTheClientAddressThatTheProxyForwards() {
		String email = TestOrganisation.email("pat.proxied");
		this.organisation.person("Pat Proxied", email);
		RawHttp guesser = new RawHttp(this.port, PROXY).header("X-Forwarded-For", "203.0.113.30");
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(guesser.trySignIn(email, "wrong password " + attempt)).isEqualTo("/sign-in?error");
		}
		assertThat(guesser.trySignIn(email, TestOrganisation.PASSWORD)).isEqualTo("/sign-in?locked");

		RawHttp owner = new RawHttp(this.port, PROXY).header("X-Forwarded-For", "203.0.113.31");
		assertThat(owner.trySignIn(email, TestOrganisation.PASSWORD)).isEqualTo("/");
	}

	@Test
	void countsTheConnectingAddressOfAnyoneButTheProxy() {
		String email = TestOrganisation.email("una.untrusted");
		this.organisation.person("Una Untrusted", email);
		RawHttp guesser = new RawHttp(this.port, "127.0.0.43");
		for (int attempt = 0; attempt < 5; attempt++) {
			guesser.header("X-Forwarded-For", "203.0.113." + attempt);
			assertThat(guesser.trySignIn(email, "wrong password " + attempt)).isEqualTo("/sign-in?error");
		}

		guesser.header("X-Forwarded-For", "203.0.113.99");
		assertThat(guesser.trySignIn(email, TestOrganisation.PASSWORD)).isEqualTo("/sign-in?locked");
	}

}
