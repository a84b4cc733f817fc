package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.codec.binary.Base32;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.SecondFactorPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The second step of signing in, as the default setting has it (SI1, SI2, SI8): an
 * administrator without a second factor sets one up before any page, one with an app
 * confirms a code, each code works once, recovery codes work once, wrong codes are
 * throttled per account and address, and the app's key is stored encrypted.
 */
@MovableClockIntegrationTest
class SecondFactorIntegrationTests {

	private static final Base32 BASE32 = new Base32();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	Invitees invitees;

	@Test
	void sendsAnAdministratorWithoutAFactorToSetOneUpBeforeAnythingElseAndBackToThePageAskedFor() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		SessionCookie session = new SessionCookie();
		this.mvc.perform(get("/users").with(session)).andExpect(redirectedUrl("/sign-in")).andDo(session);
		String asked = this.mvc.perform(signIn(clinic.adminEmail(), address).with(session))
			.andDo(session)
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(asked).with(session)).andExpect(redirectedUrl("/sign-in/second-factor"));
		for (String page : List.of("/", "/about", "/pending-invitations", clinic.waitingAreaPath())) {
			this.mvc.perform(get(page).with(session)).andExpect(redirectedUrl("/sign-in/second-factor"));
		}
		this.mvc.perform(get("/sign-in/second-factor").with(session)).andExpect(redirectedUrl("/sign-in/set-up"));
		Document setUp = page(get("/sign-in/set-up").with(session));
		assertThat(setUp.select("h1").text()).isEqualTo("Set up a second factor");
		assertThat(setUp.select("a").eachText()).contains("Use an authenticator app").doesNotContain("Users");

		byte[] key = keyShown(session);
		assertThat(keyShown(session)).as("the key shown again on a second visit").isEqualTo(key);
		String before = session.id();
		Document wrong = page(post("/sign-in/set-up/authenticator-app").param("code", "not a code")
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address)));
		assertThat(wrong.select(".error-summary").text())
			.contains("Enter the 6-digit code your authenticator app shows now.");
		Document codes = page(post("/sign-in/set-up/authenticator-app").param("code", code(key, 0))
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address)), session);
		assertThat(session.id()).as("a new session id once the second factor is confirmed").isNotEqualTo(before);
		assertThat(codes.select("h1").text()).isEqualTo("Recovery codes");
		assertThat(codes.select(".recovery-codes code").eachText()).hasSize(10)
			.allMatch((code) -> code.matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}"))
			.doesNotHaveDuplicates();
		String next = codes.select("a.button").attr("href");
		assertThat(next).as("Continue: the last page asked for").contains(clinic.waitingAreaPath());
		this.mvc.perform(get(next).with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/pending-invitations").with(session)).andExpect(status().isOk());

		String stored = this.jdbc.sql("select secret_encrypted from authenticator_app where account_id = ?")
			.param(clinic.admin())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(BASE32.encodeAsString(key).replace("=", ""));
	}

	/**
	 * Setting up the account signs the invitee in; offered an administrator role, they go
	 * from there to "Set up a second factor", before any other page (SI2).
	 */
	@Test
	void takesAnInviteeOfferedAnAdministratorRoleFromTheirAccountToSettingUpASecondFactor() throws Exception {
		Clinic clinic = this.organisation.clinic();
		Invitee invitee = this.invitees.pendingFor(clinic, "new.admin",
				new RoleOffer(Role.SERVICE_ADMINISTRATOR, clinic.waitingArea()));
		String token = this.invitees.token(invitee);
		SessionCookie session = new SessionCookie();
		this.mvc.perform(get("/invitation/{token}", token).with(session)).andExpect(status().isOk()).andDo(session);
		this.mvc.perform(LinkPages.setUp(token, "Ada Admin", LinkPages.PASSWORD, LinkPages.PASSWORD).with(session))
			.andExpect(redirectedUrl("/"))
			.andDo(session);
		for (String page : List.of("/", "/users", clinic.waitingAreaPath())) {
			this.mvc.perform(get(page).with(session)).andExpect(redirectedUrl("/sign-in/second-factor"));
		}
		this.mvc.perform(get("/sign-in/second-factor").with(session)).andExpect(redirectedUrl("/sign-in/set-up"));
		assertThat(page(get("/sign-in/set-up").with(session)).select("h1").text()).isEqualTo("Set up a second factor");
		byte[] key = keyShown(session);
		this.mvc
			.perform(post("/sign-in/set-up/authenticator-app").param("code", code(key, 0))
				.with(csrf())
				.with(session)
				.with(ClientAddresses.from(ClientAddresses.fresh())))
			.andExpect(status().isOk())
			.andDo(session);
		this.mvc.perform(get(clinic.waitingAreaPath()).with(session)).andExpect(status().isOk());
	}

	@Test
	void confirmsACodeOnceAndTheNextStepsCodeAfter() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		byte[] key = setUpApp(clinic.adminEmail(), address);

		SessionCookie first = passwordOnly(clinic.adminEmail(), address);
		this.mvc.perform(get("/sign-in/second-factor").with(first)).andExpect(redirectedUrl("/sign-in/confirm"));
		Document confirm = page(get("/sign-in/confirm").with(first));
		assertThat(confirm.select("h1").text()).isEqualTo("Confirm it's you");
		assertThat(confirm.select("label").text()).isEqualTo("Code from your authenticator app");
		assertThat(confirm.select("a").eachText()).contains("Use a recovery code");
		// The clock ticks: each code is kept as typed, not worked out again a step later.
		String setUpCode = this.lastSetUpCode;
		Document replayed = page(confirm(first, address, setUpCode));
		assertThat(replayed.select(".error-summary").text()).as("the code that set the app up, again")
			.contains("Enter the 6-digit code");
		String next = code(key, 1);
		this.mvc.perform(confirm(first, address, next)).andExpect(redirectedUrl("/")).andDo(first);
		this.mvc.perform(get("/users").with(first)).andExpect(status().isOk());

		SessionCookie second = passwordOnly(clinic.adminEmail(), address);
		assertThat(page(confirm(second, address, next)).select(".error-summary").text())
			.as("a code already used, in another session")
			.contains("Enter the 6-digit code");
		this.clock.advance(Duration.ofSeconds(60));
		this.mvc.perform(confirm(second, address, code(key, 0))).andExpect(redirectedUrl("/"));
	}

	@Test
	void acceptsEachRecoveryCodeOnce() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		setUpApp(clinic.adminEmail(), address);
		List<String> codes = this.lastRecoveryCodes;

		SessionCookie first = passwordOnly(clinic.adminEmail(), address);
		this.mvc.perform(recoveryCode(first, address, " " + codes.get(3).toLowerCase().replace("-", " ") + " "))
			.andExpect(redirectedUrl("/"));
		SessionCookie second = passwordOnly(clinic.adminEmail(), address);
		assertThat(page(recoveryCode(second, address, codes.get(3))).select(".error-summary").text())
			.contains("That recovery code is not one of yours, or it has been used.");
		this.mvc.perform(recoveryCode(second, address, codes.get(4))).andExpect(redirectedUrl("/"));
	}

	@Test
	void throttlesWrongCodesPerAccountAndAddressWithoutLockingTheOwnerOut() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String guesser = ClientAddresses.fresh();
		byte[] key = setUpApp(clinic.adminEmail(), guesser);
		SessionCookie session = passwordOnly(clinic.adminEmail(), guesser);
		for (int attempt = 0; attempt < 5; attempt++) {
			page(confirm(session, guesser, "000000"));
		}
		assertThat(page(confirm(session, guesser, code(key, 1))).select(".error-summary li").text())
			.as("the right code from the address that guessed")
			.isEqualTo("Too many wrong codes. Wait 15 minutes, then try again.");

		String owner = ClientAddresses.fresh();
		SessionCookie elsewhere = passwordOnly(clinic.adminEmail(), owner);
		this.mvc.perform(confirm(elsewhere, owner, code(key, 1))).andExpect(redirectedUrl("/"));
	}

	@Test
	void asksForAFactorConfirmedInTheLast5MinutesBeforeNewRecoveryCodes() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		byte[] key = setUpApp(clinic.adminEmail(), address);
		List<String> old = this.lastRecoveryCodes;
		SessionCookie session = passwordOnly(clinic.adminEmail(), address);
		this.mvc.perform(confirm(session, address, code(key, 1))).andExpect(redirectedUrl("/")).andDo(session);
		this.clock.advance(Duration.ofMinutes(6));
		this.mvc.perform(post("/security/recovery-codes").with(csrf()).with(session))
			.andExpect(redirectedUrl("/sign-in/confirm"));
		this.mvc.perform(confirm(session, address, code(key, 0))).andExpect(redirectedUrl("/security")).andDo(session);
		Document codes = page(post("/security/recovery-codes").with(csrf()).with(session));
		assertThat(codes.select(".recovery-codes code").eachText()).hasSize(10).doesNotContainAnyElementsOf(old);
		SessionCookie later = passwordOnly(clinic.adminEmail(), address);
		assertThat(page(recoveryCode(later, address, old.get(0))).select(".error-summary li").text())
			.as("an old recovery code")
			.contains("has been used");
	}

	@Test
	void asksNothingMoreOfSomeoneWhoIsNoAdministratorAndHasNoFactor() throws Exception {
		String email = TestOrganisation.email("provider");
		long person = this.organisation.person("Provider", email);
		this.organisation.grant(person, Role.SERVICE_PROVIDER, this.organisation.clinic().waitingArea());
		SessionCookie session = passwordOnly(email, ClientAddresses.fresh());
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());
	}

	private List<String> lastRecoveryCodes;

	private String lastSetUpCode;

	/** Signs in with the password and sets an app up; its key. */
	@Test
	void asksAFreshFactorBeforeCancellingMoreThan20InvitationsAtOnceThenShowsTheSameOnesAgain() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		byte[] key = setUpApp(clinic.adminEmail(), address);
		SessionCookie session = passwordOnly(clinic.adminEmail(), address);
		this.mvc.perform(confirm(session, address, code(key, 1))).andExpect(redirectedUrl("/")).andDo(session);
		List<Long> invitations = new ArrayList<>();
		for (int n = 0; n < 21; n++) {
			invitations.add(this.invitations.pendingFor(clinic.email("bulk." + n), clinic.adminEmail(),
					clinic.waitingArea(), Role.SERVICE_PROVIDER));
		}
		String[] selected = invitations.stream()
			.map((id) -> id + ":" + this.records.version(id))
			.toArray(String[]::new);
		this.clock.advance(SecondFactorPolicy.FRESH.plusMinutes(1));

		this.mvc.perform(
				get("/pending-invitations/confirm").param("action", "cancel").param("selected", selected).with(session))
			.andExpect(redirectedUrl("/sign-in/confirm"));
		this.mvc
			.perform(post("/pending-invitations/cancellation").param("selected", selected).with(csrf()).with(session))
			.andExpect(redirectedUrl("/sign-in/confirm"));
		assertThat(invitations).allMatch((id) -> "PENDING".equals(this.records.status(id)));
		// Twenty are not "more than 20".
		this.mvc
			.perform(post("/pending-invitations/cancellation").param("selected", Arrays.copyOf(selected, 20))
				.with(csrf())
				.with(session))
			.andExpect(redirectedUrl("/pending-invitations"));
		assertThat(invitations.subList(0, 20)).noneMatch((id) -> "PENDING".equals(this.records.status(id)));

		String back = this.mvc.perform(confirm(session, address, code(key, 0)))
			.andDo(session)
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(back).startsWith("/pending-invitations/confirm?action=cancel").contains(selected[20]);
		Document again = page(get(back).with(session));
		assertThat(again.select("h1").text()).isEqualTo("Cancel Invitations");
		assertThat(again.select("input[name=selected]").eachAttr("value")).containsExactly(selected[20]);
		this.mvc.perform(
				post("/pending-invitations/cancellation").param("selected", selected[20]).with(csrf()).with(session))
			.andExpect(redirectedUrl("/pending-invitations"));
		assertThat(this.records.status(invitations.get(20))).isNotEqualTo("PENDING");
	}

	/**
	 * Registering a passkey is Spring Security's endpoint, under a rule of ours: it needs
	 * a factor confirmed in the last 5 minutes from someone who has one (SI3); deleting
	 * one through Spring's endpoint is refused to all (removal is "Security"'s, which
	 * keeps an administrator's last factor).
	 */
	@Test
	void registersAPasskeyOnlyWithAFreshFactorAndNeverDeletesOneThroughSpringsEndpoint() throws Exception {
		Clinic clinic = this.organisation.clinic();
		String address = ClientAddresses.fresh();
		byte[] key = setUpApp(clinic.adminEmail(), address);
		SessionCookie session = passwordOnly(clinic.adminEmail(), address);
		// Still owing the second factor: sent to give it, as from any page.
		this.mvc.perform(registration(session)).andExpect(redirectedUrl("/sign-in/second-factor"));
		this.mvc.perform(confirm(session, address, code(key, 1))).andExpect(redirectedUrl("/")).andDo(session);
		// Fresh: Spring's filter reads the (here empty) registration and refuses it.
		this.mvc.perform(registration(session)).andExpect(status().isBadRequest());
		this.clock.advance(SecondFactorPolicy.FRESH.plusMinutes(1));
		this.mvc.perform(registration(session)).andExpect(status().isForbidden());
		this.mvc.perform(delete("/webauthn/register/AAAA").with(csrf()).with(session))
			.andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder registration(SessionCookie session) {
		return post("/webauthn/register").contentType("application/json").content("{}").with(csrf()).with(session);
	}

	private byte[] setUpApp(String email, String address) throws Exception {
		SessionCookie session = passwordOnly(email, address);
		byte[] key = keyShown(session);
		this.lastSetUpCode = code(key, 0);
		Document codes = page(post("/sign-in/set-up/authenticator-app").param("code", this.lastSetUpCode)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address)));
		this.lastRecoveryCodes = codes.select(".recovery-codes code").eachText();
		return key;
	}

	private SessionCookie passwordOnly(String email, String address) throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(signIn(email, address).with(session)).andExpect(redirectedUrl("/")).andDo(session);
		return session;
	}

	private byte[] keyShown(SessionCookie session) throws Exception {
		Document page = page(get("/sign-in/set-up/authenticator-app").with(session));
		assertThat(page.select("h1").text()).isEqualTo("Use an authenticator app");
		assertThat(page.text()).contains("Enter this key instead:");
		assertThat(page.select(".qr-code svg")).hasSize(1);
		return BASE32.decode(page.select("code.key").text().replace(" ", ""));
	}

	/** The code of the step {@code offset} steps from now. */
	private String code(byte[] key, int offset) {
		return Totp.code(key, Totp.step(this.clock.instant()) + offset, Totp.DIGITS);
	}

	private MockHttpServletRequestBuilder confirm(SessionCookie session, String address, String code) {
		return post("/sign-in/confirm").param("code", code)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address));
	}

	private MockHttpServletRequestBuilder recoveryCode(SessionCookie session, String address, String code) {
		return post("/sign-in/recovery-code").param("recoveryCode", code)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(address));
	}

	private static MockHttpServletRequestBuilder signIn(String email, String address) {
		return post("/sign-in").param("email", email)
			.param("password", TestOrganisation.PASSWORD)
			.with(csrf())
			.with(ClientAddresses.from(address));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	/**
	 * The page, keeping the session cookie it sets (a confirmed factor changes the id).
	 */
	private Document page(MockHttpServletRequestBuilder request, SessionCookie session) throws Exception {
		return Jsoup.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andDo(session)
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
