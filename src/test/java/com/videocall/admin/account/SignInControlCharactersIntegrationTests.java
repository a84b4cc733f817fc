package com.videocall.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * X7: an email with NUL or another control character (which PostgreSQL refuses in text)
 * is an unknown email at sign-in, not an internal error.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInControlCharactersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000@test.invalid", "\u0000", "bell\u0007@test.invalid" })
	void refusesAnEmailWithControlCharactersAsUnknownWithoutLoggingAnError(String email, CapturedOutput output)
			throws Exception {
		this.mvc
			.perform(post("/sign-in").param("email", email)
				.param("password", "any password at all")
				.with(csrf())
				.with(ClientAddresses.from(ClientAddresses.fresh())))
			.andExpect(redirectedUrl("/sign-in?error"))
			.andExpect(unauthenticated());

		assertThat(output.getOut().lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
	}

}
