package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * As configured by default, the throttles count the address a connection really comes
 * from: anybody can write an X-Forwarded-For header, so it changes nothing (S3).
 */
@ServerIntegrationTest
class ForwardedForIgnoredIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestOrganisation organisation;

	@Test
	void countsTheConnectingAddressWhateverXForwardedForSays() {
		String email = TestOrganisation.email("fay.forwarded");
		this.organisation.person("Fay Forwarded", email);
		RawHttp guesser = new RawHttp(this.port, "127.0.0.40");
		for (int attempt = 0; attempt < 5; attempt++) {
			guesser.header("X-Forwarded-For", "203.0.113." + attempt);
			assertThat(guesser.trySignIn(email, "wrong password " + attempt)).isEqualTo("/sign-in?error");
		}

		guesser.header("X-Forwarded-For", "203.0.113.99");
		assertThat(guesser.trySignIn(email, TestOrganisation.PASSWORD)).isEqualTo("/sign-in?locked");
		RawHttp owner = new RawHttp(this.port, "127.0.0.41").header("X-Forwarded-For", "127.0.0.40");
		assertThat(owner.trySignIn(email, TestOrganisation.PASSWORD)).isEqualTo("/");
	}

}
