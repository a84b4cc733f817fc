package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.support.FastPasswords;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every browser test shares: the application on a port of its own (one context for
 * all browser test classes), Debian's Chromium, a clinic of the test's own with its
 * administrator, and the steps a person takes on every page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, MailServer.Initializer.class })
@Import({ FastPasswords.class, TestOrganisation.class, MailServer.class })
abstract class BrowserTest {

	static final int PORT = freePort();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		// Not the configured 8081: the other test JVM may run browser tests at the same
		// time.
		registry.add("management.server.port", () -> 0);
		registry.add("app.base-url", () -> "http://localhost:" + PORT);
		// The page of an import under way refreshes itself every second, not every two:
		// each procedure that imports waits for it to show "done".
		registry.add("app.imports.refresh-every", () -> "1s");
	}

	@Autowired
	TestOrganisation organisation;

	@Autowired
	MailServer mail;

	@Autowired
	InvitationManagement invitations;

	@Autowired
	AdministratorScopes scopes;

	@Autowired
	UserDetailsService accounts;

	Clinic clinic;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openBrowser() {
		this.clinic = this.organisation.clinic();
		open(new Browser.NewContextOptions());
	}

	@AfterEach
	void closeBrowser() {
		this.context.close();
	}

	/** A fresh browser context (cookies, script on or off, window size) for this test. */
	void open(Browser.NewContextOptions options) {
		if (this.context != null) {
			this.context.close();
		}
		this.context = Browsers.chromium().newContext(options);
		this.page = this.context.newPage();
	}

	String invite(String who, RoleOffer... offers) {
		String email = this.clinic.email(who);
		AccountUser admin = (AccountUser) this.accounts.loadUserByUsername(this.clinic.adminEmail());
		this.invitations.addUsers(this.scopes.forAccount(admin.accountId()), admin, List.of(offers), email, null,
				"Browser test set-up");
		return email;
	}

	void signIn() {
		signIn(this.clinic.adminEmail(), TestOrganisation.PASSWORD);
	}

	void signIn(String email, String password) {
		this.page.navigate(url("/sign-in"));
		this.page.getByLabel("Email").fill(email);
		this.page.getByLabel("Password").fill(password);
		click(AriaRole.BUTTON, "Sign in");
		assertThat(this.page.getByText("Signed in as")).isVisible();
	}

	void click(AriaRole role, String name) {
		this.page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	Locator banner() {
		return this.page.locator(".banner");
	}

	/** The invitation link in the first email to {@code recipient}. */
	String linkInEmailTo(String recipient) {
		Matcher link = Pattern.compile("http://localhost:" + PORT + "/invitation/[A-Za-z0-9_-]{43}")
			.matcher(MailServer.text(this.mail.awaitEmails(recipient, 1).get(0)));
		org.assertj.core.api.Assertions.assertThat(link.find())
			.as("invitation link in the email to %s", recipient)
			.isTrue();
		return link.group();
	}

	static String url(String path) {
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
