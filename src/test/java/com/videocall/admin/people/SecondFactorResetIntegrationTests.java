package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.codec.binary.Base32;

import com.videocall.admin.account.SecondFactors;
import com.videocall.admin.directory.Role;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.Authorities;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Reset second factor" (SI4): a System Administrator for anyone, an Organisation
 * Administrator for a person whose every role is in their scope, nobody else; it needs a
 * factor confirmed in the last 5 minutes (SI7), removes the factors, ends the person's
 * sessions and emails them.
 */
@IntegrationTest
class SecondFactorResetIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	SecondFactorService service;

	@Autowired
	SecondFactors factors;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void resetsAPersonsFactorEndingTheirSessionsAndEmailingThem() throws Exception {
		String email = TestOrganisation.email("lost-phone");
		String name = "Lost Phone " + TestOrganisation.tag();
		long person = this.organisation.person(name, email);
		this.organisation.grant(person, Role.SERVICE_PROVIDER, this.organisation.clinic().waitingArea());
		setUpApp(person);
		SessionCookie theirs = new SessionCookie();
		this.mvc
			.perform(post("/sign-in").param("email", email)
				.param("password", TestOrganisation.PASSWORD)
				.with(csrf())
				.with(ClientAddresses.from(ClientAddresses.fresh())))
			.andDo(theirs);

		Document detail = page(get("/users/" + person).with(this.signIn.as(SignIn.ADMIN)));
		assertThat(detail.select("a[href=/users/" + person + "/second-factor-reset]").text())
			.isEqualTo("Reset second factor");
		Document confirm = page(get("/users/" + person + "/second-factor-reset").with(this.signIn.as(SignIn.ADMIN)));
		assertThat(confirm.select("h1").text()).isEqualTo("Reset the second factor of " + name + "?");
		this.mvc
			.perform(post("/users/" + person + "/second-factor-reset").with(csrf()).with(this.signIn.as(SignIn.ADMIN)))
			.andExpect(redirectedUrl("/users/" + person));

		assertThat(this.factors.anySetUpBy(person)).isFalse();
		assertThat(this.service.recoveryCodesLeft(person)).isZero();
		this.mvc.perform(get("/about").with(theirs)).andExpect(redirectedUrl("/sign-in"));
		assertThat(this.jdbc.sql("select subject from outbound_email where recipient = ?")
			.param(email)
			.query(String.class)
			.list()).containsExactly("Your Video Call Admin sign-in has changed");
		this.mvc
			.perform(post("/users/" + person + "/second-factor-reset").with(csrf()).with(this.signIn.as(SignIn.ADMIN)))
			.andExpect(redirectedUrl("/users/" + person));
		assertThat(this.jdbc.sql("select count(*) from outbound_email where recipient = ?")
			.param(email)
			.query(Integer.class)
			.single()).as("nothing to reset the second time, nothing emailed").isOne();
	}

	@Test
	void letsAnOrganisationAdministratorResetOnlyPeopleWhollyInTheirScope() throws Exception {
		Clinic clinic = this.organisation.clinic();
		long inside = personWithApp("inside", clinic.waitingArea());
		long straddling = personWithApp("straddling", clinic.waitingArea());
		this.organisation.grant(straddling, Role.MEETING_ROOM_MEMBER, this.organisation.clinic().meetingRoom());
		String serviceAdministrator = clinic.email("service-admin");
		this.organisation.grant(this.organisation.person("Service admin", serviceAdministrator),
				Role.SERVICE_ADMINISTRATOR, clinic.waitingArea());
		RequestPostProcessor organisationAdministrator = this.signIn.as(clinic.adminEmail());

		assertThat(page(get("/users/" + inside).with(organisationAdministrator)).text())
			.contains("Reset second factor");
		this.mvc.perform(reset(inside).with(organisationAdministrator)).andExpect(redirectedUrl("/users/" + inside));
		assertThat(this.factors.anySetUpBy(inside)).isFalse();

		assertThat(page(get("/users/" + straddling).with(organisationAdministrator)).text())
			.doesNotContain("Reset second factor");
		this.mvc.perform(reset(straddling).with(organisationAdministrator)).andExpect(status().isNotFound());
		this.mvc.perform(reset(straddling).with(this.signIn.as(serviceAdministrator))).andExpect(status().isNotFound());
		assertThat(this.factors.anySetUpBy(straddling)).isTrue();
	}

	@Test
	void asksForAFactorConfirmedInTheLast5MinutesFirst() throws Exception {
		long person = personWithApp("stale", this.organisation.clinic().waitingArea());
		this.mvc
			.perform(post("/users/" + person + "/second-factor-reset").with(csrf())
				.with(confirmedMinutesAgo(SignIn.ADMIN, 6)))
			.andExpect(redirectedUrl("/sign-in/confirm"));
		assertThat(this.factors.anySetUpBy(person)).isTrue();
	}

	/** A person with a role in the area (never one of the demo organisation's). */
	private long personWithApp(String who, long area) {
		String email = TestOrganisation.email(who);
		long person = this.organisation.person(who + " " + TestOrganisation.tag(), email);
		this.organisation.grant(person, Role.SERVICE_PROVIDER, area);
		setUpApp(person);
		return person;
	}

	private void setUpApp(long person) {
		byte[] key = this.service.newKey();
		String code = AuthenticatorAppCodes.code(new Base32().encodeAsString(key), 0);
		assertThat(this.service.setUpAuthenticatorApp(person, "app-" + person + "@test.invalid", key, code))
			.isPresent();
	}

	/** Signed in with both factors, the second confirmed that many minutes ago. */
	private RequestPostProcessor confirmedMinutesAgo(String email, int minutes) {
		UserDetails account = this.accounts.loadUserByUsername(email);
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		Instant then = Instant.now().minusSeconds(60L * minutes);
		authorities.add(FactorGrantedAuthority.withAuthority(Authorities.PASSWORD_FACTOR).issuedAt(then).build());
		authorities
			.add(FactorGrantedAuthority.withAuthority(Authorities.AUTHENTICATOR_APP_FACTOR).issuedAt(then).build());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities));
	}

	private static MockHttpServletRequestBuilder reset(long person) {
		return post("/users/" + person + "/second-factor-reset").with(csrf());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
