package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.support.FastPasswords;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.oidcprovider.TestProvider;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider (SI5, SI8): Spring Authorization
 * Server on a port of its own ({@link TestProvider}), registered with Spring Boot's
 * standard properties, and Chromium following the redirects both ways through the
 * provider's own sign-in form. The application asks every administrator for a second
 * factor ({@code app.sign-in.second-factor=required}), so whether the provider's sign-in
 * counted as two factors shows in where the person lands. One provider and one
 * application for the class; each case starts a fresh browser, so the provider's session
 * of one case never answers for the next.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "app.sign-in.second-factor=required", "logging.level.com.icegreen.greenmail=WARN" })
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, MailServer.Initializer.class })
@Import({ FastPasswords.class, TestOrganisation.class, MailServer.class, Invitees.class, InvitationRecords.class })
class SingleSignOnBrowserTests {

	private static final String PROVIDER_NAME = "Test Health ID";

	private static final String REGISTRATION = "organisation";

	private static final String TWO_FACTOR_ACR = "urn:test:acr:two-factor";

	private static final String PROVIDER_ONLY_DOMAIN = "sso-only.invalid";

	static final int PORT = freePort();

	/** Started before the application, which reads the provider's metadata at start. */
	static final TestProvider provider = TestProvider
		.start("http://localhost:" + PORT + "/login/oauth2/code/" + REGISTRATION);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("management.server.port", () -> 0);
		registry.add("app.base-url", () -> "http://localhost:" + PORT);
		String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
		registry.add(registration + "client-id", () -> TestProvider.CLIENT_ID);
		registry.add(registration + "client-secret", () -> TestProvider.CLIENT_SECRET);
		registry.add(registration + "client-name", () -> PROVIDER_NAME);
		registry.add(registration + "scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", provider::issuer);
		registry.add("app.sso.two-factor-acr", () -> TWO_FACTOR_ACR);
		registry.add("app.sso.required-for-domains", () -> PROVIDER_ONLY_DOMAIN);
	}

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	SecondFactorService factors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InvitationManagement invitations;

	@Autowired
	AdministratorScopes scopes;

	@Autowired
	UserDetailsService accounts;

	Clinic clinic;

	BrowserContext context;

	Page page;

	PageAudit audit;

	@AfterAll
	static void shutDown() {
		provider.close();
	}

	@BeforeEach
	void openBrowser() {
		this.clinic = this.organisation.clinic();
		newBrowser();
	}

	@AfterEach
	void closeBrowser() {
		this.context.close();
	}

	@Test
	void aTwoFactorSignInByAmrLandsOnThePageAskedForWithoutTheSecondStep() {
		// The provider's email in another case than the account's.
		String email = this.clinic.adminEmail().toUpperCase(Locale.ROOT);
		provider.person(email, email, true, "Admin at the provider", List.of("pwd", "mfa"), null);
		int requestsBefore = provider.authorizationRequests().size();

		this.page.navigate(url("/users"));
		assertThat(this.page.locator("h1")).hasText("Sign in");
		this.audit.check("Sign in, with single sign-on");
		signInAtProvider(email);

		assertThat(this.page.locator("h1")).hasText("Users");
		assertThat(this.page.getByText("Signed in as")).isVisible();
		// Spring's state and nonce, and a PKCE challenge although the client is
		// confidential (the provider requires it too).
		Map<String, String> sent = provider.authorizationRequests().get(requestsBefore);
		assertThat(sent).containsKeys("state", "nonce", "code_challenge")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("client_id", TestProvider.CLIENT_ID);
		assertThat(sent.get("scope").split(" ")).contains("openid", "email");
		this.audit.assertNoProblems();
	}

	@Test
	void aTwoFactorSignInByAListedAcrNeedsNoSecondStep() {
		long admin = administrator("acr");
		String email = emailOf(admin);
		provider.person(email, email, true, null, List.of("pwd"), TWO_FACTOR_ACR);

		this.page.navigate(url("/sign-in"));
		signInAtProvider(email);

		assertThat(this.page.locator("h1")).hasText("Welcome, Admin acr " + this.clinic.tag());
	}

	@Test
	void aOneFactorSignInIsFollowedByTheSecondStep() {
		// An administrator with an authenticator app confirms its code.
		long withApp = administrator("app");
		byte[] key = this.factors.newKey();
		String base32 = new Base32().encodeAsString(key);
		String email = emailOf(withApp);
		this.factors.setUpAuthenticatorApp(withApp, email, key, AuthenticatorAppCodes.code(base32, 0));
		provider.person(email, email, true, null, List.of("pwd"), "urn:test:acr:password");

		this.page.navigate(url("/sign-in"));
		signInAtProvider(email);
		assertThat(this.page.locator("h1")).hasText("Confirm it's you");
		this.page.getByLabel("Code from your authenticator app").fill(AuthenticatorAppCodes.code(base32, 1));
		click(AriaRole.BUTTON, "Confirm");
		assertThat(this.page.locator("h1")).hasText("Welcome, Admin app " + this.clinic.tag());

		// One without a factor sets one up before anything else.
		newBrowser();
		String without = this.clinic.adminEmail();
		provider.person(without, without, true, null, List.of(), null);
		this.page.navigate(url("/sign-in"));
		signInAtProvider(without);
		assertThat(this.page.locator("h1")).hasText("Set up a second factor");
	}

	@Test
	void anEmailWithoutAccountIsToldToAskForAnInvitation() {
		String stranger = TestOrganisation.email("stranger");
		provider.person(stranger, stranger, true, "A Stranger", List.of("mfa"), null);

		this.page.navigate(url("/sign-in"));
		signInAtProvider(stranger);

		assertThat(this.page.locator("h1")).hasText("Sign in");
		assertThat(this.page.locator(".banner"))
			.hasText("There is no account for this email. Ask an administrator to invite you.");
		assertThat(this.page.getByText("Signed in as")).hasCount(0);
		assertThat(this.jdbc.sql("select count(*) from account where lower(email) = lower(?)")
			.param(stranger)
			.query(Long.class)
			.single()).as("accounts made for the stranger").isZero();
		this.audit.check("Sign in, no account for the provider's email");
		this.audit.assertNoProblems();
	}

	@Test
	void anUnverifiedEmailIsRefused() {
		String email = this.clinic.adminEmail();
		String username = "unverified-" + this.clinic.tag();
		provider.person(username, email, false, null, List.of("mfa"), null);

		this.page.navigate(url("/sign-in"));
		signInAtProvider(username);

		assertThat(this.page.locator(".banner"))
			.hasText(PROVIDER_NAME + " has not verified your email address, so it cannot sign you in here.");
		assertThat(this.page.getByText("Signed in as")).hasCount(0);
		this.page.navigate(url("/"));
		assertThat(this.page.locator("h1")).hasText("Sign in");
	}

	@Test
	void anAnswerThatThisBrowserDidNotAskForSignsNobodyIn() {
		// A code with a state this session never sent (an attacker's own answer, SI8).
		this.page.navigate(url("/login/oauth2/code/" + REGISTRATION + "?code=an-attackers-code&state=forged"));
		assertThat(this.page.locator("h1")).hasText("Sign in");
		assertThat(this.page.locator(".banner"))
			.hasText("Signing in with " + PROVIDER_NAME + " did not work. Try again.");
		this.page.navigate(url("/"));
		assertThat(this.page.locator("h1")).hasText("Sign in");
	}

	@Test
	void anInvitationIsSetUpOnlyWithTheInvitedAddress() {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "sso-invitee");
		String link = url("/invitation/" + this.invitees.token(invitee));
		String other = this.clinic.email("someone-else");
		provider.person(other, other, true, null, List.of("mfa"), null);
		provider.person(invitee.email(), invitee.email(), true, "Robin Invitee", List.of("pwd"), null);

		this.page.navigate(link);
		this.audit.check("Set up your account, with single sign-on");
		click(AriaRole.LINK, "Set up with " + PROVIDER_NAME);
		signInAtProviderForm(other);
		assertThat(this.page.locator("h1")).hasText("Set up your account");
		assertThat(this.page.locator(".banner")).hasText(PROVIDER_NAME + " signed you in as " + other
				+ ", but this invitation is for another email address. Sign in to " + PROVIDER_NAME
				+ " with the invited address, or set up a password.");
		this.audit.check("Set up your account, another address");
		assertThat(this.invitees.status(invitee)).isEqualTo("PENDING");

		newBrowser();
		this.page.navigate(link);
		click(AriaRole.LINK, "Set up with " + PROVIDER_NAME);
		signInAtProviderForm(invitee.email());
		assertThat(this.page.locator(".banner")).hasText("Your account is set up and you are signed in.");
		assertThat(this.page.locator("h1")).hasText("Welcome, Robin Invitee");
		assertThat(this.invitees.status(invitee)).isEqualTo("ACCEPTED");
		assertThat(this.jdbc
			.sql("select status || ' ' || coalesce(password_hash, 'no password') from account "
					+ "where lower(email) = lower(?)")
			.param(invitee.email())
			.query(String.class)
			.single()).isEqualTo("ACTIVE no password");
		this.audit.assertNoProblems();
	}

	@Test
	void anEmailOfAProviderOnlyDomainCannotSignInWithAPassword() {
		long person = this.organisation.person("Provider Only " + this.clinic.tag(),
				"someone-" + this.clinic.tag() + "@" + PROVIDER_ONLY_DOMAIN);
		this.page.navigate(url("/sign-in"));
		this.page.getByLabel("Email").fill(emailOf(person));
		this.page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
		click(AriaRole.BUTTON, "Sign in");
		assertThat(this.page.locator(".banner")).hasText("This email's organisation signs in with " + PROVIDER_NAME
				+ " only: use \"Sign in with " + PROVIDER_NAME + "\".");
		assertThat(this.page.getByText("Signed in as")).hasCount(0);
		this.audit.check("Sign in, provider only");
		// Nor choose one: "Forgot your password?" answers as always and sends nothing.
		this.page.navigate(url("/password-reset"));
		this.page.getByLabel("Email").fill(emailOf(person));
		click(AriaRole.BUTTON, "Send link");
		assertThat(this.page.getByText("If an account uses this address, we have sent it a link.")).isVisible();
		// Requests are done in turn: once a later one's email is queued, the first was
		// done.
		this.page.navigate(url("/password-reset"));
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		click(AriaRole.BUTTON, "Send link");
		await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(this.clinic.adminEmail()) > 0);
		assertThat(emailsTo(emailOf(person))).isZero();
		this.page.navigate(url("/sign-in"));

		provider.person(emailOf(person), emailOf(person), true, null, List.of("mfa"), null);
		signInAtProvider(emailOf(person));
		assertThat(this.page.locator("h1")).hasText("Welcome, Provider Only " + this.clinic.tag());

		// Their invitation links offer the provider alone.
		String newcomer = "newcomer-" + this.clinic.tag() + "@" + PROVIDER_ONLY_DOMAIN;
		AccountUser admin = (AccountUser) this.accounts.loadUserByUsername(this.clinic.adminEmail());
		this.invitations.addUsers(this.scopes.forAccount(admin.accountId()), admin,
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea())), newcomer, null,
				"Single sign-on browser test");
		String token = this.invitees.token(new Invitee(this.clinic, newcomer, 0));
		newBrowser();
		this.page.navigate(url("/invitation/" + token));
		assertThat(this.page.locator("h1")).hasText("Set up your account");
		assertThat(this.page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Set up with " + PROVIDER_NAME).setExact(true)))
			.isVisible();
		assertThat(this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).hasCount(0);
		this.audit.check("Set up your account, provider only");
		this.audit.assertNoProblems();
	}

	private long emailsTo(String recipient) {
		return this.jdbc.sql("select count(*) from outbound_email where lower(recipient) = lower(?)")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	/** "Sign in with …" on the sign-in page, then the provider's form. */
	private void signInAtProvider(String username) {
		click(AriaRole.LINK, "Sign in with " + PROVIDER_NAME);
		signInAtProviderForm(username);
	}

	private void signInAtProviderForm(String username) {
		assertThat(this.page).hasURL(provider.issuer() + "/login");
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password").fill(TestProvider.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	/** An administrator of the clinic's waiting area: "Admin {who} {tag}". */
	private long administrator(String who) {
		long admin = this.organisation.person("Admin " + who + " " + this.clinic.tag(), this.clinic.email(who));
		this.organisation.grant(admin, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		return admin;
	}

	private String emailOf(long account) {
		return this.jdbc.sql("select email from account where id = ?").param(account).query(String.class).single();
	}

	private void newBrowser() {
		if (this.context != null) {
			this.context.close();
		}
		this.context = Browsers.chromium().newContext();
		this.page = this.context.newPage();
		this.audit = new PageAudit(this.page);
	}

	private void click(AriaRole role, String name) {
		this.page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
