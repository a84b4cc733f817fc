package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.TestOrganisation;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sessions end by themselves (SI6): 30 minutes after the last request, 12 hours after
 * signing in; the next page is the sign-in page saying why, a form posted into the ended
 * session is not replayed, and signing in again leads to the page asked for. (The session
 * row is aged in the database for the idle case: Spring Session keeps time by the system
 * clock; the absolute limit follows the application's clock, which this context moves.)
 */
@MovableClockIntegrationTest
class SessionEndIntegrationTests {

	private static final Cookie SIGNED_IN = new Cookie(SessionEnd.SIGNED_IN_COOKIE, "1");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void endsASession30MinutesAfterItsLastRequestAndSaysSo() throws Exception {
		String email = person();
		SessionCookie session = signIn(email);
		age(session, Duration.ofMinutes(29));
		this.mvc.perform(get("/about").with(session).cookie(SIGNED_IN)).andExpect(status().isOk());

		age(session, Duration.ofMinutes(31));
		this.mvc.perform(get("/about").with(session).cookie(SIGNED_IN))
			.andExpect(redirectedUrl("/sign-in?timed-out"))
			.andExpect(cookie().maxAge(SessionEnd.SIGNED_IN_COOKIE, 0))
			.andDo(session);
		assertThat(banner("/sign-in?timed-out")).isEqualTo("You were signed out after 30 minutes without activity.");
		this.mvc.perform(signInRequest(email).with(session))
			.andExpect(redirectedUrlPattern("http://localhost/about?continue"));
	}

	@Test
	void sendsAFormPostedIntoATimedOutSessionToSignInWithoutReplayingIt() throws Exception {
		SessionCookie session = signIn(person());
		age(session, Duration.ofMinutes(31));
		this.mvc
			.perform(post("/sign-in/confirm").param("code", "123456")
				.param("_csrf", "the token of the ended session")
				.with(session)
				.cookie(SIGNED_IN))
			.andExpect(redirectedUrl("/sign-in?timed-out"))
			.andDo(session);
		this.mvc.perform(signInRequest(person()).with(session)).andExpect(redirectedUrl("/"));
	}

	@Test
	void tellsABrowserThatWasNotSignedInNothingAboutTimeOuts() throws Exception {
		String noSuchSession = Base64.getEncoder()
			.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
		this.mvc.perform(get("/about").cookie(new Cookie(SessionCookie.NAME, noSuchSession)))
			.andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void endsASession12HoursAfterSigningInHoweverBusyAndSaysSo() throws Exception {
		String email = person();
		SessionCookie session = signIn(email);
		this.clock.advance(Duration.ofHours(12).minusMinutes(1));
		this.mvc.perform(get("/about").with(session)).andExpect(status().isOk());

		this.clock.advance(Duration.ofMinutes(1));
		this.mvc.perform(get("/about").with(session).cookie(SIGNED_IN))
			.andExpect(redirectedUrl("/sign-in?ended"))
			.andDo(session);
		assertThat(banner("/sign-in?ended")).isEqualTo("You were signed out 12 hours after signing in.");
		this.mvc.perform(signInRequest(email).with(session))
			.andExpect(redirectedUrlPattern("http://localhost/about?continue"));
	}

	/** Someone who administers nothing: the password is all their sign-in asks. */
	private String person() {
		String email = TestOrganisation.email("session");
		long id = this.organisation.person("Session " + TestOrganisation.tag(), email);
		this.organisation.grant(id, Role.SERVICE_PROVIDER, this.organisation.clinic().waitingArea());
		return email;
	}

	private SessionCookie signIn(String email) throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(signInRequest(email))
			.andExpect(redirectedUrl("/"))
			.andExpect(cookie().value(SessionEnd.SIGNED_IN_COOKIE, "1"))
			.andExpect(cookie().httpOnly(SessionEnd.SIGNED_IN_COOKIE, true))
			.andDo(session);
		return session;
	}

	/** The session row as it would be this long after its last request. */
	private void age(SessionCookie session, Duration idle) {
		long now = System.currentTimeMillis();
		int rows = this.jdbc
			.sql("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000 "
					+ "where session_id = ?")
			.params(now - idle.toMillis(), now - idle.toMillis(), session.id())
			.update();
		assertThat(rows).as("the session's row").isOne();
	}

	private String banner(String page) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString())
			.select(".banner")
			.text();
	}

	private static MockHttpServletRequestBuilder signInRequest(String email) {
		return post("/sign-in").param("email", email)
			.param("password", TestOrganisation.PASSWORD)
			.with(csrf())
			.with(ClientAddresses.from(ClientAddresses.fresh()));
	}

}
