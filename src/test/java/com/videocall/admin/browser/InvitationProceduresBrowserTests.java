package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed's four procedures, word for word, in a real Chromium as an administrator, then
 * the invitee's set-up from the emailed link. One procedure is done by keyboard only, one
 * with JavaScript switched off. Each test works on a clinic of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, MailServer.Initializer.class })
@Import({ TestOrganisation.class, MailServer.class })
class InvitationProceduresBrowserTests {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("app.base-url", () -> "http://localhost:" + PORT);
	}

	private static Playwright playwright;

	private static Browser browser;

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

	@BeforeAll
	static void launch() {
		playwright = Browsers.playwright();
		browser = Browsers.chromium(playwright);
	}

	@AfterAll
	static void shutDown() {
		browser.close();
		playwright.close();
	}

	@BeforeEach
	void openBrowser() {
		this.clinic = this.organisation.clinic();
		this.context = browser.newContext();
		this.page = this.context.newPage();
	}

	@AfterEach
	void closeBrowser() {
		this.context.close();
	}

	@Test
	void sendsAReminderFromTheUsersList() {
		String invitee = invite("reminded", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.BUTTON, "Send Reminder");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
	}

	@Test
	void removesOneRoleWithDeleteRemoveRolesAndYes() {
		String invitee = invite("two.roles", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		removeReceptionistRole(invitee);
	}

	@Test
	void removesOneRoleWithJavaScriptSwitchedOff() {
		this.context.close();
		this.context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		this.page = this.context.newPage();
		String invitee = invite("no.script", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		removeReceptionistRole(invitee);
	}

	@Test
	void cancelsTheInvitationWithSelectAllRemoveRolesAndYes() {
		String invitee = invite("cancelled", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		signIn();
		openManageInvitation(invitee);
		this.page.getByLabel("Select All").check();
		click(AriaRole.BUTTON, "Remove Roles");
		click(AriaRole.BUTTON, "Yes");
		assertThat(banner()).containsText("The invitation for " + invitee + " is cancelled");
		search(invitee);
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(invitee))).hasCount(0);
	}

	@Test
	void resendsAndCancelsFromAnOrganisationalUnit() {
		String invitee = invite("unit", new RoleOffer(Role.ORGANISATION_COORDINATOR, this.clinic.unit()));
		signIn();
		click(AriaRole.LINK, "Organisational Units");
		click(AriaRole.LINK, "Unit " + this.clinic.tag());
		click(AriaRole.LINK, "Manage Administrators");
		openMenu(invitee);
		click(AriaRole.BUTTON, "Resend Invitation");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
		openMenu(invitee);
		click(AriaRole.BUTTON, "Cancel Invitation");
		assertThat(banner()).containsText("Invitation cancelled for " + invitee);
	}

	@Test
	void resendsFromAWaitingAreaThroughSettings() {
		String invitee = invite("waiting", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openWaitingAreaUsers();
		openMenu(invitee);
		click(AriaRole.BUTTON, "Resend Invitation");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
	}

	@Test
	void cancelsFromAMeetingRoomLeavingOtherAreasRoles() {
		String invitee = invite("room", new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()),
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		click(AriaRole.LINK, "Meeting Rooms");
		this.page.locator("summary", new Page.LocatorOptions().setHasText("Meeting room " + this.clinic.tag())).click();
		click(AriaRole.LINK, "Manage Users");
		openMenu(invitee);
		click(AriaRole.BUTTON, "Cancel Invitation");
		assertThat(banner()).containsText("Invitation cancelled for " + invitee);
		openWaitingAreaUsers();
		assertThat(this.page.locator("summary", new Page.LocatorOptions().setHasText(invitee))).hasCount(1);
	}

	@Test
	void sendsAReminderByKeyboardOnly() {
		String invitee = invite("keyboard", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		this.page.navigate(url("/sign-in"));
		this.page.keyboard().type(this.clinic.adminEmail());
		this.page.keyboard().press("Tab");
		this.page.keyboard().type(TestOrganisation.PASSWORD);
		pressEnterAndWait();
		tabTo("Users");
		pressEnterAndWait();
		tabTo("Search by name or email");
		this.page.keyboard().type(invitee);
		pressEnterAndWait();
		tabTo("A", invitee);
		pressEnterAndWait();
		tabTo("Manage Invitation");
		pressEnterAndWait();
		tabTo("Send Reminder");
		pressEnterAndWait();
		assertThat(banner()).containsText("Reminder sent to " + invitee);
	}

	@Test
	void invitesFromAWaitingAreaAndTheInviteeSetsUpTheirAccount() {
		String invitee = this.clinic.email("newcomer");
		signIn();
		openWaitingAreaUsers();
		click(AriaRole.LINK, "Add Users");
		this.page.getByLabel("Email addresses or names").fill(invitee);
		this.page.getByLabel("Service Provider").check();
		this.page.getByLabel("Custom message").fill("See you on Monday");
		click(AriaRole.BUTTON, "Save");
		assertThat(banner()).containsText("Invitation sent to " + invitee);
		click(AriaRole.BUTTON, "Sign out");

		String link = linkInEmailTo(invitee);
		this.page.navigate(link);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up your account")))
			.isVisible();
		this.page.getByLabel("Full name").fill("Nina Newcomer");
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
			.fill("a long and unusual passphrase");
		this.page.getByLabel("Confirm password").fill("a long and unusual passphrase");
		click(AriaRole.BUTTON, "Set up account");
		assertThat(banner()).containsText("Welcome, Nina Newcomer");
		assertThat(this.page.getByText("Service Provider in Waiting area " + this.clinic.tag())).isVisible();
		assertThat(this.page.getByText("Signed in as Nina Newcomer")).isVisible();
	}

	private void removeReceptionistRole(String invitee) {
		openManageInvitation(invitee);
		click(AriaRole.BUTTON, "Delete Receptionist in Waiting area " + this.clinic.tag());
		click(AriaRole.BUTTON, "Remove Roles");
		click(AriaRole.BUTTON, "Yes");
		assertThat(banner()).containsText("Removed Receptionist from the invitation for " + invitee);
		assertThat(
				this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Receptionist").setExact(true)))
			.hasCount(0);
		assertThat(this.page.getByRole(AriaRole.CELL,
				new Page.GetByRoleOptions().setName("Service Provider").setExact(true)))
			.hasCount(1);
	}

	private String invite(String who, RoleOffer... offers) {
		String email = this.clinic.email(who);
		AccountUser admin = (AccountUser) this.accounts.loadUserByUsername(this.clinic.adminEmail());
		this.invitations.addUsers(this.scopes.forAccount(admin.accountId()), admin, List.of(offers), email, null,
				"Browser test set-up");
		return email;
	}

	private void signIn() {
		this.page.navigate(url("/sign-in"));
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		this.page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
		click(AriaRole.BUTTON, "Sign in");
		assertThat(this.page.getByText("Signed in as Admin " + this.clinic.tag())).isVisible();
	}

	private void openManageInvitation(String invitee) {
		search(invitee);
		click(AriaRole.LINK, invitee);
		click(AriaRole.LINK, "Manage Invitation");
	}

	private void search(String text) {
		click(AriaRole.LINK, "Users");
		this.page.getByLabel("Search by name or email").fill(text);
		click(AriaRole.BUTTON, "Search");
	}

	private void openWaitingAreaUsers() {
		click(AriaRole.LINK, "Waiting Areas");
		click(AriaRole.LINK, "Waiting area " + this.clinic.tag());
		click(AriaRole.LINK, "Settings");
		click(AriaRole.LINK, "Manage Users");
	}

	private void openMenu(String name) {
		this.page.locator("summary", new Page.LocatorOptions().setHasText(name)).click();
	}

	private void click(AriaRole role, String name) {
		this.page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	private Locator banner() {
		return this.page.locator(".banner");
	}

	private void pressEnterAndWait() {
		this.page.waitForNavigation(() -> this.page.keyboard().press("Enter"));
	}

	private void tabTo(String text) {
		tabTo("", text);
	}

	/**
	 * Presses Tab until the focused element (of the given tag name, if any) has an
	 * accessible text containing {@code text}.
	 */
	private void tabTo(String tag, String text) {
		for (int i = 0; i < 60; i++) {
			this.page.keyboard().press("Tab");
			String focused = (String) this.page.evaluate("() => { const e = document.activeElement; "
					+ "return e.tagName + ' ' + (e.getAttribute('aria-label') || '') + ' ' "
					+ "+ (e.labels && e.labels[0] ? e.labels[0].textContent : '') "
					+ "+ ' ' + (e.textContent || '') + ' ' + (e.value || ''); }");
			if (focused.startsWith(tag) && focused.contains(text)) {
				return;
			}
		}
		throw new AssertionError("No focusable element with text " + text);
	}

	private String linkInEmailTo(String recipient) {
		Matcher link = Pattern.compile("http://localhost:" + PORT + "/invitation/[A-Za-z0-9_-]{43}")
			.matcher(MailServer.text(this.mail.awaitEmails(recipient, 1).get(0)));
		assertThat(link.find()).as("invitation link in the email to %s", recipient).isTrue();
		return link.group();
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
