package com.videocall.admin.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.StatementCounter;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.SignInProperties;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Forgot your password?" (SI9, SI8), with real PostgreSQL and real emails read from the
 * mail server: one answer for every address typed, a link emailed only to an account that
 * uses the address, working once for an hour, requests throttled per client address and
 * per account, links that do not work throttled per address, the password rules, and
 * afterwards every session of the account ended, the old password refused, the person
 * emailed, and the second factor still asked.
 * <p>
 * The page hands each request to one thread that does them in order
 * ({@code PasswordResetRequests}), so once the email of a later request has arrived, the
 * requests before it have been done: that is how the tests know that no email is coming.
 */
@MovableClockIntegrationTest
class PasswordResetIntegrationTests {

	private static final String NEW_PASSWORD = "kettle quarry violet lantern";

	private static final String ANSWER = "If an account uses this address, we have sent it a link.";

	private static final String LINK_DOES_NOT_WORK = "This link has expired or was already used. Ask for a new one.";

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/password-reset/[A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	MailServer mail;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	PasswordResetProperties properties;

	@Autowired
	SignInProperties signIn;

	@Autowired
	SecondFactorService factors;

	@Test
	void linksToThePageFromTheSignInPage() throws Exception {
		Document signInPage = page(get("/sign-in"));
		assertThat(signInPage.select("a[href=/password-reset]").text()).isEqualTo("Forgot your password?");
		Document form = page(get("/password-reset"));
		assertThat(form.select("h1").text()).isEqualTo("Forgot your password?");
		assertThat(form.select("label[for=email]").text()).isEqualTo("Email");
		assertThat(form.select("form[action=/password-reset] button").text()).isEqualTo("Send link");
	}

	@Test
	void answersEveryAddressTheSameWayAndEmailsOnlyAnActiveAccountThatUsesIt() throws Exception {
		String known = person("known");
		String invited = TestOrganisation.email("invited");
		this.organisation.invitee(invited);
		String disabled = TestOrganisation.email("disabled");
		this.organisation.person("Disabled " + TestOrganisation.tag(), disabled, AccountStatus.DISABLED);
		String unknown = TestOrganisation.email("unknown");
		List<String> typed = List.of(unknown, invited, disabled, known + "\u0000", "x".repeat(10_000), "{}", "{0}", "",
				"%s", "<b>" + known + "</b>");

		Answer expected = answer("  " + known.toUpperCase(Locale.ROOT) + " ");
		assertThat(expected.status()).isEqualTo(302);
		assertThat(expected.location()).isEqualTo("/password-reset?sent");
		for (String email : typed) {
			assertThat(answer(email)).as("the answer to %s", email.length() > 50 ? "a long text" : email)
				.isEqualTo(expected);
		}
		Document sent = page(get(expected.location()));
		assertThat(sent.select("h1").text()).isEqualTo("Check your email");
		assertThat(sent.select(".banner").text()).isEqualTo(ANSWER);
		assertThat(sent.text()).contains("The link works once, for 60 minutes.");

		// The request itself does the same work whatever the address: it counts the
		// client address, and never looks the address up.
		List<String> forUnknown = requestStatements(unknown);
		assertThat(forUnknown).isNotEmpty().allMatch((sql) -> sql.contains("rate_limit_counter"));
		assertThat(requestStatements(known)).isEqualTo(forUnknown);

		// The known address asked twice: in capitals, then as it is, after every other.
		List<MimeMessage> emails = this.mail.awaitEmails(known, 2);
		assertThat(emails.get(0).getSubject()).isEqualTo("Choose a new Video Call Admin password");
		assertThat(MailServer.text(emails.get(0))).contains("/password-reset/", "This link works once, until ");
		for (String other : List.of(unknown, invited, disabled)) {
			assertThat(emailsQueuedFor(other)).as("emails to %s", other).isZero();
		}
		assertThat(this.jdbc.sql("select count(*) from password_reset_link where account_id = ?")
			.param(this.organisation.accountId(invited))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void setsANewPasswordOnceUnderThePasswordRulesAndEndsEverySessionOfTheAccount() throws Exception {
		String email = person("reset");
		SessionCookie laptop = signIn(email, TestOrganisation.PASSWORD);
		SessionCookie phone = signIn(email, TestOrganisation.PASSWORD);
		String link = requestLink(email, 1);
		String token = link.substring(link.lastIndexOf('/') + 1);

		Document choose = page(get(link).with(ClientAddresses.from(ClientAddresses.fresh())));
		assertThat(choose.select("h1").text()).isEqualTo("Choose a new password");
		assertThat(choose.text()).contains("For the account " + email + ".");
		assertThat(choose.select("form").attr("action")).as("the token kept in the form").isEqualTo(link);
		assertThat(choose.select("label").eachText()).containsExactly("New password", "Confirm new password");
		// Only a digest is stored, and the delivered email's stored copy lost the token.
		byte[] stored = this.jdbc
			.sql("select token_sha256 from password_reset_link where account_id = ? and used_at is null")
			.param(this.organisation.accountId(email))
			.query(byte[].class)
			.single();
		assertThat(stored).hasSize(32).isNotEqualTo(token.getBytes(StandardCharsets.US_ASCII));
		assertThat(this.jdbc.sql("select text_body from outbound_email where recipient = ?")
			.param(email)
			.query(String.class)
			.single()).doesNotContain(token);

		assertThat(problems(choose(link, "short", "short")))
			.containsExactly("Your password needs at least 12 characters.");
		assertThat(problems(choose(link, "video call admin is great", "video call admin is great"))).containsExactly(
				"Your password must not contain your email address or the name of this service. Choose another one.");
		assertThat(problems(choose(link, NEW_PASSWORD, NEW_PASSWORD + "!")))
			.containsExactly("The two passwords are not the same.");
		this.mvc.perform(get("/about").with(laptop)).andExpect(status().isOk());

		this.mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/sign-in?password-changed"));
		assertThat(page(get("/sign-in?password-changed")).select(".banner").text()).isEqualTo(
				"Your password was changed, and every session of your account was signed out. Sign in with your new password.");
		this.mvc.perform(get("/about").with(laptop)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/about").with(phone)).andExpect(redirectedUrl("/sign-in"));

		Document used = page(get(link).with(ClientAddresses.from(ClientAddresses.fresh())));
		assertThat(used.select("h1").text()).isEqualTo("This link does not work");
		assertThat(used.select("main p").first().text()).isEqualTo(LINK_DOES_NOT_WORK);
		assertThat(used.select("main a[href=/password-reset]").text()).isEqualTo("Forgot your password?");
		assertThat(page(choose(link, "another fine passphrase", "another fine passphrase")).select("main p")
			.first()
			.text()).as("the link sent again").isEqualTo(LINK_DOES_NOT_WORK);

		this.mvc.perform(signInRequest(email, TestOrganisation.PASSWORD, ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));
		this.mvc.perform(signInRequest(email, "another fine passphrase", ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/sign-in?error"));
		SessionCookie again = signIn(email, NEW_PASSWORD);
		this.mvc.perform(get("/about").with(again)).andExpect(status().isOk());

		List<MimeMessage> emails = this.mail.awaitEmails(email, 2);
		assertThat(emails.get(1).getSubject()).isEqualTo("Your Video Call Admin sign-in has changed");
		assertThat(MailServer.text(emails.get(1))).contains(
				"The password of your Video Call Admin account was changed with a \"Forgot your password?\" link, "
						+ "and every session of it was signed out.");
	}

	@Test
	void worksForAnHourOnly() throws Exception {
		String email = person("expiry");
		String link = requestLink(email, 1);
		this.clock.advance(this.properties.linkValidity().minusMinutes(1));
		assertThat(page(get(link).with(ClientAddresses.from(ClientAddresses.fresh()))).select("h1").text())
			.isEqualTo("Choose a new password");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(page(get(link).with(ClientAddresses.from(ClientAddresses.fresh()))).select("main p").first().text())
			.isEqualTo(LINK_DOES_NOT_WORK);
		assertThat(page(choose(link, NEW_PASSWORD, NEW_PASSWORD)).select("main p").first().text())
			.isEqualTo(LINK_DOES_NOT_WORK);
		signIn(email, TestOrganisation.PASSWORD);
	}

	@Test
	void leavesEarlierLinksWorkingUntilANewPasswordIsChosenAnyWay() throws Exception {
		String email = person("links");
		String first = requestLink(email, 1);
		String second = requestLink(email, 2);
		assertThat(second).isNotEqualTo(first);
		this.mvc.perform(choose(first, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/sign-in?password-changed"));
		assertThat(
				page(get(second).with(ClientAddresses.from(ClientAddresses.fresh()))).select("main p").first().text())
			.as("the later link, once the earlier one was used")
			.isEqualTo(LINK_DOES_NOT_WORK);

		// "Change password" ends the links still working too.
		String third = requestLink(email, 4);
		SessionCookie session = signIn(email, NEW_PASSWORD);
		this.mvc
			.perform(post("/security/password").param("currentPassword", NEW_PASSWORD)
				.param("newPassword", "orchard pebble sunrise")
				.param("confirmPassword", "orchard pebble sunrise")
				.with(csrf())
				.with(session))
			.andExpect(redirectedUrl("/security"));
		assertThat(page(get(third).with(ClientAddresses.from(ClientAddresses.fresh()))).select("main p").first().text())
			.as("a link asked for before Change password")
			.isEqualTo(LINK_DOES_NOT_WORK);
	}

	@Test
	void throttlesRequestsPerClientAddressWithTheSameAnswerAndNoEmail() throws Exception {
		String busy = ClientAddresses.fresh();
		for (int i = 0; i < this.properties.requestsPerAddress(); i++) {
			assertThat(answer(TestOrganisation.email("nobody"), busy).location()).isEqualTo("/password-reset?sent");
		}
		String email = person("address");
		Answer refused = answer(email, busy);
		assertThat(refused).isEqualTo(answer(TestOrganisation.email("nobody"), ClientAddresses.fresh()));
		answer(email, ClientAddresses.fresh());
		assertThat(this.mail.awaitEmails(email, 1)).as("only the request from another address").hasSize(1);
		// The address still signs in: requests count apart from sign-in's failures.
		this.mvc.perform(signInRequest(email, TestOrganisation.PASSWORD, busy)).andExpect(redirectedUrl("/"));
	}

	@Test
	void throttlesEmailsPerAccountWhateverTheAddressWithoutLockingTheOwnerOut() throws Exception {
		String email = person("flooded");
		for (int i = 0; i < this.properties.requestsPerAccount() + 2; i++) {
			assertThat(answer(email, ClientAddresses.fresh()).location()).isEqualTo("/password-reset?sent");
		}
		String later = person("later");
		answer(later, ClientAddresses.fresh());
		this.mail.awaitEmails(later, 1);
		assertThat(this.mail.awaitEmails(email, this.properties.requestsPerAccount()))
			.hasSize(this.properties.requestsPerAccount());
		signIn(email, TestOrganisation.PASSWORD);

		this.clock.advance(this.properties.requestWindow());
		answer(email, ClientAddresses.fresh());
		this.mail.awaitEmails(email, this.properties.requestsPerAccount() + 1);
	}

	@Test
	void throttlesLinksThatDoNotWorkPerClientAddressOnly() throws Exception {
		String email = person("guessed");
		String link = requestLink(email, 1);
		String guesser = ClientAddresses.fresh();
		for (int i = 0; i < this.signIn.failuresPerAddress(); i++) {
			String guess = "/password-reset/" + "A".repeat(42) + (char) ('A' + i % 26);
			Document page = page(get(guess).with(ClientAddresses.from(guesser)));
			assertThat(page.select("main p").first().text()).isEqualTo(LINK_DOES_NOT_WORK);
		}
		Document throttled = page(get(link).with(ClientAddresses.from(guesser)));
		assertThat(throttled.select("h1").text()).isEqualTo("Too many links tried");
		assertThat(throttled.select("main p").first().text())
			.isEqualTo("Too many links that do not work were opened from here. Wait 15 minutes, then try again.");
		this.mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD, guesser)).andExpect(status().isOk());
		this.mvc.perform(signInRequest(email, TestOrganisation.PASSWORD, guesser)).andExpect(redirectedUrl("/"));

		String owner = ClientAddresses.fresh();
		for (int i = 0; i < this.signIn.failuresPerAddress() + 5; i++) {
			assertThat(page(get(link).with(ClientAddresses.from(owner))).select("h1").text())
				.as("a link that works is handed back")
				.isEqualTo("Choose a new password");
		}
		this.mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD, owner))
			.andExpect(redirectedUrl("/sign-in?password-changed"));
	}

	@Test
	void stillAsksAnAdministratorForTheSecondFactorAfterANewPassword() throws Exception {
		Clinic clinic = this.organisation.clinic();
		byte[] key = this.factors.newKey();
		assertThat(this.factors.setUpAuthenticatorApp(clinic.admin(), clinic.adminEmail(), key, code(key, 0)))
			.isPresent();
		SessionCookie before = signIn(clinic.adminEmail(), TestOrganisation.PASSWORD);
		this.mvc.perform(confirm(before, code(key, 1))).andExpect(redirectedUrl("/")).andDo(before);
		this.mvc.perform(get("/users").with(before)).andExpect(status().isOk());

		// The second email: the first told of the app set up.
		String link = requestLink(clinic.adminEmail(), 2);
		this.mvc.perform(choose(link, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/sign-in?password-changed"));
		this.mvc.perform(get("/users").with(before)).andExpect(redirectedUrl("/sign-in"));

		SessionCookie after = signIn(clinic.adminEmail(), NEW_PASSWORD);
		this.mvc.perform(get("/users").with(after)).andExpect(redirectedUrl("/sign-in/second-factor"));
		this.mvc.perform(get("/sign-in/second-factor").with(after)).andExpect(redirectedUrl("/sign-in/confirm"));
		this.clock.advance(Duration.ofSeconds(60));
		// Then on to the page asked for.
		this.mvc.perform(confirm(after, code(key, 0)))
			.andExpect(redirectedUrl("http://localhost/users?continue"))
			.andDo(after);
		this.mvc.perform(get("/users").with(after)).andExpect(status().isOk());
	}

	/**
	 * What a request for a link answers: nothing in it may depend on the address typed.
	 */
	private record Answer(int status, String location, String body, List<String> cookies) {
	}

	private Answer answer(String email) throws Exception {
		return answer(email, ClientAddresses.fresh());
	}

	private Answer answer(String email, String address) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(requestLink(email, address)).andReturn().getResponse();
		return new Answer(response.getStatus(), response.getRedirectedUrl(), response.getContentAsString(),
				Arrays.stream(response.getCookies()).map((cookie) -> cookie.getName()).toList());
	}

	private List<String> requestStatements(String email) throws Exception {
		return this.statements.pageStatements(() -> this.mvc.perform(requestLink(email, ClientAddresses.fresh())))
			.stream()
			// Expired counts are deleted once a minute, by whichever request comes.
			.filter((sql) -> !sql.startsWith("delete from rate_limit_counter where expires_at"))
			.toList();
	}

	private static MockHttpServletRequestBuilder requestLink(String email, String address) {
		return post("/password-reset").param("email", email).with(csrf()).with(ClientAddresses.from(address));
	}

	/** Asks for a link; the path of the one in the {@code nth} email the person got. */
	private String requestLink(String email, int nth) throws Exception {
		this.mvc.perform(requestLink(email, ClientAddresses.fresh())).andExpect(redirectedUrl("/password-reset?sent"));
		Matcher link = LINK.matcher(MailServer.text(this.mail.awaitEmails(email, nth).get(nth - 1)));
		assertThat(link.find()).as("the link in the email").isTrue();
		return link.group(1);
	}

	private long emailsQueuedFor(String email) {
		return this.jdbc.sql("select count(*) from outbound_email where lower(recipient) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder choose(String link, String password, String confirmation) {
		return choose(link, password, confirmation, ClientAddresses.fresh());
	}

	private static MockHttpServletRequestBuilder choose(String link, String password, String confirmation,
			String address) {
		return post(link).param("newPassword", password)
			.param("confirmPassword", confirmation)
			.with(csrf())
			.with(ClientAddresses.from(address));
	}

	private String person(String who) {
		String email = TestOrganisation.email(who);
		this.organisation.person("Person " + TestOrganisation.tag(), email);
		return email;
	}

	private SessionCookie signIn(String email, String password) throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(signInRequest(email, password, ClientAddresses.fresh()))
			.andExpect(redirectedUrl("/"))
			.andDo(session);
		return session;
	}

	private static MockHttpServletRequestBuilder signInRequest(String email, String password, String address) {
		return post("/sign-in").param("email", email)
			.param("password", password)
			.with(csrf())
			.with(ClientAddresses.from(address));
	}

	private MockHttpServletRequestBuilder confirm(SessionCookie session, String code) {
		return post("/sign-in/confirm").param("code", code)
			.with(csrf())
			.with(session)
			.with(ClientAddresses.from(ClientAddresses.fresh()));
	}

	/** The code of the step {@code offset} steps from now. */
	private String code(byte[] key, int offset) {
		return Totp.code(key, Totp.step(this.clock.instant()) + offset, Totp.DIGITS);
	}

	private List<String> problems(MockHttpServletRequestBuilder request) throws Exception {
		return page(request).select(".error-summary li").eachText();
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
