package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees.Snapshot;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.web.SessionEnd;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Setting up an account from a valid link (I3) and the password rules it applies (I5).
 */
@IntegrationTest
class AccountSetUpIntegrationTests extends InviteeLinksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void activatesTheAccountWithTheRolesThatRemainAndSignsThePersonIn() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "newcomer",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		this.invitations.removeRoles(invitee, Role.RECEPTIONIST);
		String token = this.invitations.token(invitee);
		SessionCookie session = new SessionCookie();
		this.mvc.perform(get("/invitation/{token}", token).with(session)).andExpect(status().isOk()).andDo(session);
		String before = session.id();
		assertThat(before).as("session of the set-up page").isNotNull();

		this.mvc
			.perform(LinkPages.setUp(token, "  Nina Newcomer ", LinkPages.PASSWORD, LinkPages.PASSWORD).with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(cookie().value(SessionEnd.SIGNED_IN_COOKIE, "1"))
			.andDo(session);

		assertThat(this.invitations.accountStatus(invitee)).isEqualTo("ACTIVE");
		assertThat(this.invitations.grantedRoles(invitee)).containsExactlyInAnyOrder(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertThat(this.invitations.status(invitee)).isEqualTo("ACCEPTED");
		assertThat(this.invitations.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ROLES_REMOVED,
				HistoryType.ACCEPTED);
		assertThat(this.passwordEncoder.matches(LinkPages.PASSWORD, passwordHashOf(invitee))).isTrue();
		assertThat(this.pages.openWithoutChanging(invitee, token).select("h1").text())
			.isEqualTo("This account is already set up");

		assertThat(this.sessions.findById(before)).as("session before set-up").isNull();
		assertThat(session.id()).isNotNull().isNotEqualTo(before);
		Authentication signedIn = signedIn(session.id());
		assertThat(signedIn.getName()).isEqualTo(invitee.email());
		assertThat(((UserDetails) signedIn.getPrincipal()).getPassword()).as("password hash in the session").isNull();
		Document home = homeAfter(session);
		assertThat(home.select(".banner").text()).isEqualTo("Your account is set up and you are signed in.");
		assertThat(home.select("h1").text()).isEqualTo("Welcome, Nina Newcomer");
		assertThat(home.text()).containsOnlyOnce("Welcome");
		assertThat(home.text()).contains("Signed in as Nina Newcomer")
			.contains("Service Provider in Waiting area " + this.clinic.tag())
			.doesNotContain("Receptionist");
	}

	@Test
	void showsMarkupInTheFullNameAsText() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "markup");
		String name = "<b>Bo</b> & <script>alert(1)</script>";

		SessionCookie session = new SessionCookie();
		this.pages.submit(this.invitations.token(invitee), name).andExpect(redirectedUrl("/")).andDo(session);
		Document home = homeAfter(session);
		assertThat(home.select("h1").text()).isEqualTo("Welcome, " + name);
		assertThat(home.select("main b, main script")).isEmpty();
	}

	@Test
	void setsTheAccountUpOnceWhenTheFormIsSubmittedAgain() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "double.click");
		String token = this.invitations.token(invitee);
		this.pages.submit(token, "Dana Double", LinkPages.PASSWORD, LinkPages.PASSWORD).andExpect(redirectedUrl("/"));
		Snapshot accepted = this.invitations.snapshot(invitee);

		Document again = LinkPages
			.html(this.pages.submit(token, "Dana Again", LinkPages.PASSWORD + " two", LinkPages.PASSWORD + " two")
				.andExpect(status().isOk()));
		assertThat(again.select("h1").text()).isEqualTo("This account is already set up");
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(accepted);
	}

	@Test
	void refusesASetUpWithoutTheCsrfToken() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "no.csrf");
		String token = this.invitations.token(invitee);
		Snapshot before = this.invitations.snapshot(invitee);

		this.mvc
			.perform(post("/invitation/{token}", token).param("fullName", "Cleo Forged")
				.param("password", LinkPages.PASSWORD)
				.param("confirmPassword", LinkPages.PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Nul\u0000Name", "Carriage\rReturn", "Line\nFeed", "Tab\tName", "Bell\u0007",
			"Escape\u001B[2J", "Next\u0085Line", "Line\u2028Separator" })
	void refusesControlCharactersInTheFullNameBesideTheFieldAndChangesNothing(String name) throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "control");
		String token = this.invitations.token(invitee);
		Snapshot before = this.invitations.snapshot(invitee);

		Document page = LinkPages.html(this.pages.submit(token, name).andExpect(status().isOk()));

		assertThat(page.select(".field-error").eachText())
			.containsExactly("Your full name must be one line of printable characters, without tabs or line breaks.");
		assertThat(page.getElementById("fullName-error")).isNotNull();
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	static Stream<Arguments> unacceptablePasswords() {
		return Stream.of(Arguments.of("eleven char", "eleven char", "Your password needs at least 12 characters."),
				Arguments.of("x".repeat(129), "x".repeat(129), "Your password can be at most 128 characters."),
				Arguments.of("passwordpassword", "passwordpassword",
						"This password is too common and easy to guess. Choose another one."),
				Arguments.of("qwertyuiopasdfgh", "qwertyuiopasdfgh",
						"This password is too common and easy to guess. Choose another one."),
				Arguments.of("My Video Call Admin password", "My Video Call Admin password",
						"Your password must not contain your email address or the name of this service. "
								+ "Choose another one."),
				Arguments.of("\u200B".repeat(12), "\u200B".repeat(12), "Your password needs at least 12 characters."),
				Arguments.of("\u00A0".repeat(12), "\u00A0".repeat(12), "Your password needs at least 12 characters."),
				Arguments.of(LinkPages.PASSWORD, LinkPages.PASSWORD + "!", "The two passwords are not the same."));
	}

	@Test
	void refusesThePersonsOwnEmailAsPassword() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "own.email");
		Snapshot before = this.invitations.snapshot(invitee);

		Document page = Jsoup.parse(this.pages
			.submit(this.invitations.token(invitee), "Owen Email", invitee.email() + "!", invitee.email() + "!")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page.select(".field-error").eachText()).containsExactly(
				"Your password must not contain your email address or the name of this service. Choose another one.");
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("unacceptablePasswords")
	void refusesAnUnacceptablePasswordWithItsMessageAndKeepsOnlyTheName(String password, String confirmPassword,
			String message) throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "weak");
		String token = this.invitations.token(invitee);
		Snapshot before = this.invitations.snapshot(invitee);

		String html = this.pages.submit(token, "Wendy Weak", password, confirmPassword)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select(".field-error").eachText()).containsExactly(message);
		assertThat(page.getElementById("fullName").val()).isEqualTo("Wendy Weak");
		for (Element input : page.select("input[type=password]")) {
			assertThat(input.attr("value")).as(input.id()).isEmpty();
		}
		assertThat(page.select("input[type=password]")).hasSize(2);
		assertThat(html).doesNotContain(password).doesNotContain(confirmPassword);
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	@Test
	void acceptsATwelveCharacterUncommonPassword() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "twelve");
		String password = "zebra-lamp-q";
		assertThat(password).hasSize(12);

		this.pages.submit(this.invitations.token(invitee), "Tom Twelve", password, password)
			.andExpect(redirectedUrl("/"));
		assertThat(this.passwordEncoder.matches(password, passwordHashOf(invitee))).isTrue();
	}

	@Test
	void acceptsTheLongestAllowedPassword() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "longest");
		String password = "a sentence of many words that goes on ".repeat(4).substring(0, 128);

		this.pages.submit(this.invitations.token(invitee), "Lou Longest", password, password)
			.andExpect(redirectedUrl("/"));
		assertThat(this.passwordEncoder.matches(password, passwordHashOf(invitee))).isTrue();
	}

	/** The home page the set-up redirects to, in the session it signed in. */
	private Document homeAfter(SessionCookie session) throws Exception {
		return LinkPages.html(this.mvc.perform(get("/").with(session)).andExpect(status().isOk()));
	}

	private String passwordHashOf(Invitee invitee) {
		return this.jdbc.sql("select password_hash from account where lower(email) = lower(?)")
			.param(invitee.email())
			.query(String.class)
			.single();
	}

	private Authentication signedIn(String sessionId) {
		Session session = this.sessions.findById(sessionId);
		assertThat(session).as("the new session").isNotNull();
		SecurityContext context = session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context).as("security context in the new session").isNotNull();
		assertThat(context.getAuthentication().isAuthenticated()).isTrue();
		return context.getAuthentication();
	}

}
