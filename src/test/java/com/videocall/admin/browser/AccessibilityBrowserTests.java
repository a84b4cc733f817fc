package com.videocall.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page and state an administrator, a System Administrator and an invitee meet, with
 * script and without, passes axe-core with no violation, fits 320 and 390 px without
 * scrolling sideways, and shows a focus ring that stands out (see {@link PageAudit}).
 */
class AccessibilityBrowserTests extends BrowserTest {

	/** The demo's System Administrator (planted in every test database). */
	private static final String SYSTEM_ADMINISTRATOR = "admin@example.org";

	private static final String DEMO_PASSWORD = "demo-password";

	PageAudit audit;

	@BeforeEach
	void audit() {
		this.audit = new PageAudit(this.page);
	}

	@Test
	void administratorsPagesAndStates() {
		String invitee = invite("a11y", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		invite("a-very-long-name.that-has-to-wrap-on-a-phone.screen-somewhere",
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()),
				new RoleOffer(Role.ORGANISATION_COORDINATOR, this.clinic.unit()));
		// A row of the worklist as administrators meet it: a long name, a long address
		// and several roles (the audit checks tables at 1280 and 1024 px). Other tests
		// search the shared database for "dr" and "north": the name holds neither.
		this.organisation.person("Konstantina Papadopoulou-Whitfield",
				this.clinic.email("konstantina.papadopoulou-whitfield"), AccountStatus.INVITED);
		invite("konstantina.papadopoulou-whitfield", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_ADMINISTRATOR, this.clinic.meetingRoom()),
				new RoleOffer(Role.ORGANISATION_COORDINATOR, this.clinic.unit()));
		visit("/sign-in", "Sign in");
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		this.page.getByLabel("Password").fill("not the password");
		click(AriaRole.BUTTON, "Sign in");
		this.audit.check("Sign in, refused");
		signIn();
		this.audit.check("Home of an Organisation Administrator");

		visit("/users?q=nobody-is-called-this", "Users list, nothing found");
		visit("/users?status=invited&page=9", "Users list, page past the end");
		visit("/users", "Users list");
		click(AriaRole.LINK, invitee);
		this.audit.check("User, invited");
		click(AriaRole.LINK, "Manage Invitation");
		this.audit.check("Manage Invitation");
		click(AriaRole.BUTTON, "Delete Receptionist in Waiting area " + this.clinic.tag());
		this.audit.check("Manage Invitation, one role marked");
		click(AriaRole.BUTTON, "Remove Roles");
		this.audit.check("Remove Roles");
		click(AriaRole.BUTTON, "Yes");
		this.audit.check("Manage Invitation, a role removed");
		click(AriaRole.BUTTON, "Undo");
		this.audit.check("Manage Invitation, removal undone");
		click(AriaRole.LINK, "Change Roles");
		this.audit.check("Change Roles");
		click(AriaRole.BUTTON, "Continue");
		this.audit.check("Change Roles, nothing chosen");
		this.page.getByLabel("Service Administrator", new Page.GetByLabelOptions().setExact(true)).check();
		click(AriaRole.BUTTON, "Continue");
		this.audit.check("Change Roles, confirmation");
		click(AriaRole.LINK, "No");
		click(AriaRole.LINK, "Cancel");
		click(AriaRole.BUTTON, "Send Reminder");
		this.audit.check("Manage Invitation, reminder sent (next one later)");
		click(AriaRole.LINK, "Close");
		this.audit.check("Users list, back from the dialog");
		click(AriaRole.LINK, "Activity");
		this.audit.check("Activity of an Organisation Administrator");
		visit("/activity?what=REMINDER_SENT&who=nobody%40example.org", "Activity, nothing found");
		visit("/activity?what=UNKNOWN&from=2026-02-30&to=2026-01-01&before=x", "Activity, filters it cannot read");
		visit("/pending-invitations", "Pending Invitations");
		visit("/pending-invitations?filter=inviter-gone&q=nobody-is-called-this", "Pending Invitations, nothing found");
		visit("/pending-invitations?filter=expiring&sort=expiry&area=" + this.clinic.waitingArea(),
				"Pending Invitations, filtered by area");
		this.page.navigate(url("/pending-invitations?q=" + this.clinic.tag()));
		this.page.getByLabel("Select All").check();
		click(AriaRole.BUTTON, "Send Reminders");
		this.audit.check("Pending Invitations, Send Reminders");
		click(AriaRole.BUTTON, "Yes");
		this.audit.check("Pending Invitations, reminders sent");
		click(AriaRole.BUTTON, "Send Reminders");
		this.audit.check("Pending Invitations, nothing selected");
		this.page.getByLabel("Select All").check();
		click(AriaRole.BUTTON, "Send Reminders");
		click(AriaRole.BUTTON, "Yes");
		this.audit.check("Pending Invitations, reminders skipped");

		visit("/organisational-units", "Organisational Units");
		visit("/organisational-units?q=nothing-like-this", "Organisational Units, nothing found");
		click(AriaRole.LINK, "Organisational Units");
		click(AriaRole.LINK, this.clinic.unitName());
		this.audit.check("Organisational unit");
		click(AriaRole.LINK, "Manage Administrators");
		this.page.locator("summary").first().click();
		this.audit.check("Manage Administrators, action menu open");
		click(AriaRole.BUTTON, "Resend Invitation");
		this.audit.check("Manage Administrators, invitation resent");

		visit("/waiting-areas", "Waiting Areas");
		click(AriaRole.LINK, this.clinic.waitingAreaName());
		this.audit.check("Waiting area");
		click(AriaRole.LINK, "Settings");
		this.audit.check("Waiting area settings");
		click(AriaRole.LINK, "Manage Users");
		this.audit.check("Manage Users");
		visit(this.clinic.waitingAreaPath() + "/users?name=nobody-is-called-this", "Manage Users, nobody found");
		visit(this.clinic.waitingAreaPath() + "/add-users", "Add Users");
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Add Users, nothing filled in");
		this.page.getByLabel("Email addresses or names").fill("not an address, also@@wrong");
		this.page.getByLabel("Receptionist").check();
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Add Users, malformed addresses");
		this.page.getByLabel("Email addresses or names").fill(this.clinic.email("added"));
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Manage Users, invitation sent");
		click(AriaRole.LINK, "Import Users");
		this.audit.check("Import Users");
		click(AriaRole.BUTTON, "Preview");
		this.audit.check("Import Users, no file chosen");
		this.page.getByLabel("CSV file").setInputFiles(new FilePayload("staff.csv", "text/csv", new byte[0]));
		click(AriaRole.BUTTON, "Preview");
		this.audit.check("Import Users, empty file");
		// Through the real server: a file past the 5 MB an import takes, but within the
		// servlet's multipart limits, gets the error summary.
		byte[] tooLarge = new byte[6 * 1024 * 1024];
		java.util.Arrays.fill(tooLarge, (byte) 'a');
		this.page.getByLabel("CSV file").setInputFiles(fileWith(tooLarge));
		click(AriaRole.BUTTON, "Preview");
		assertThat(this.page.locator(".error-summary").textContent()).contains("larger than 5 MB");
		// Past the servlet's multipart limits (20 MB) the application never reads
		// the file, yet the person gets the same summary, with the area the page
		// came from, and a form whose next file previews (its CSRF token works).
		for (int megabytes : new int[] { 25, 100 }) {
			this.page.getByLabel("CSV file").setInputFiles(fileOf(megabytes));
			click(AriaRole.BUTTON, "Preview");
			assertThat(this.page.locator(".error-summary").textContent()).contains("larger than 5 MB");
			assertThat(this.page.locator("#file-error").textContent()).contains("larger than 5 MB");
			assertThat(this.page.locator(".caption").textContent()).isEqualTo(this.clinic.waitingAreaName());
		}
		this.audit.check("Import Users, file past the servlet's limit");
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("staff.csv", "text/csv",
					("email,name,area,roles,access until,message\n" + this.clinic.email("imported")
							+ ",Imported Person," + this.clinic.waitingAreaName()
							+ ",Receptionist,,\nnot-an-address,,Nowhere,Receptionist,,\n")
						.getBytes(StandardCharsets.UTF_8)));
		click(AriaRole.BUTTON, "Preview");
		this.audit.check("Import Users, preview");
		click(AriaRole.BUTTON, "Import 1 row");
		com.microsoft.playwright.assertions.PlaywrightAssertions
			.assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Import Users: done", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		this.audit.check("Import Users, done");

		visit("/meeting-rooms", "Meeting Rooms");
		this.page.locator("summary").first().click();
		this.audit.check("Meeting Rooms, action menu open");
		visit("/users/" + this.organisation.missingId(), "Page not found");
		this.audit.assertNoProblems();
	}

	/**
	 * A file of that many megabytes (2^20 bytes) on disk, for a file field: Playwright
	 * hands larger ones than 50 MB to the browser only by path. Sparse, so it takes no
	 * room.
	 */
	private static Path fileOf(int megabytes) {
		Path file = newFile();
		try (RandomAccessFile content = new RandomAccessFile(file.toFile(), "rw")) {
			content.setLength(megabytes * 1024L * 1024L);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * A file with that content on disk, for a file field: Playwright sends a payload to
	 * the browser in Base64 through its connection, a path as a path (6 MB and the
	 * preview: 2.7 s against 0.3 s on a busy machine).
	 */
	private static Path fileWith(byte[] content) {
		try {
			return Files.write(newFile(), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path newFile() {
		try {
			Path file = Files.createTempFile("large-", ".csv");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** AR1, AR2: the Invitation Reminders page in each state, and the dialog's line. */
	@Test
	void invitationRemindersPageAndStates() {
		String invitee = invite("a11y.auto", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		visit(this.clinic.unitPath(), "Organisational unit");
		click(AriaRole.LINK, "Invitation Reminders");
		this.audit.check("Invitation Reminders, off by default");
		this.page.getByLabel("Remind after (days)").fill("0, 3, 3");
		this.page.getByLabel("Start", new Page.GetByLabelOptions().setExact(true)).fill("17:00");
		this.page.getByLabel("End", new Page.GetByLabelOptions().setExact(true)).fill("09:00");
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Invitation Reminders, bad input");
		this.page.getByLabel("Send automatic reminders").check();
		this.page.getByLabel("Remind after (days)").fill("3, 10");
		this.page.getByLabel("Start", new Page.GetByLabelOptions().setExact(true)).fill("09:00");
		this.page.getByLabel("End", new Page.GetByLabelOptions().setExact(true)).fill("17:00");
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Invitation Reminders, saved");
		assertThat(this.page.locator("#reminders-source").textContent()).startsWith("This unit has its own settings");
		visit("/users?q=" + invitee, "Users list, the invitee");
		click(AriaRole.LINK, invitee);
		click(AriaRole.LINK, "Manage Invitation");
		assertThat(this.page.locator("#automatic-reminder").textContent()).startsWith("Next automatic reminder: ");
		this.audit.check("Manage Invitation, next automatic reminder");
		this.audit.assertNoProblems();
	}

	@Test
	void systemAdministratorsPages() {
		invite("a11y.emailed", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn(SYSTEM_ADMINISTRATOR, DEMO_PASSWORD);
		this.audit.check("Home of a System Administrator");
		visit("/users", "Users list, every area");
		visit("/sent-emails", "Sent Emails");
		this.page.locator("main table a").first().click();
		this.audit.check("Sent email");
		visit("/waiting-areas", "Waiting Areas, every area");
		visit("/activity", "Activity, every area");
		visit("/activity?what=SIGNED_IN", "Activity, sign-ins");
		visit("/about", "About");
		this.audit.assertNoProblems();
	}

	@Test
	void inviteesPages() {
		String invitee = invite("a11y.invitee", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		String link = linkInEmailTo(invitee);
		visit(link.substring(link.indexOf("/invitation/")) + "/decline", "This invitation isn't for me");
		visit(link.substring(link.indexOf("/invitation/")), "Set up your account");
		click(AriaRole.BUTTON, "Set up account");
		this.audit.check("Set up your account, nothing filled in");
		this.page.getByLabel("Full name").fill("Ada Invitee");
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("password");
		this.page.getByLabel("Confirm password").fill("another");
		click(AriaRole.BUTTON, "Set up account");
		this.audit.check("Set up your account, password refused");
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
			.fill("a long and unusual passphrase");
		this.page.getByLabel("Confirm password").fill("a long and unusual passphrase");
		click(AriaRole.BUTTON, "Set up account");
		this.audit.check("Home of someone who administers nothing");
		visit(link.substring(link.indexOf("/invitation/")), "Link of an accepted invitation");
		visit("/security", "Security of someone who administers nothing");
		String decliner = invite("a11y.decliner", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		String declined = linkInEmailTo(decliner);
		this.page.navigate(url(declined.substring(declined.indexOf("/invitation/")) + "/decline"));
		click(AriaRole.BUTTON, "Decline invitation");
		this.audit.check("Invitation declined");
		this.audit.assertNoProblems();
	}

	@Test
	void pagesWithoutScript() {
		this.page.route("**/js/app.js", (route) -> route.abort());
		String invitee = invite("a11y.noscript", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		visit("/users?q=" + invitee, "Users list without script");
		click(AriaRole.LINK, invitee);
		click(AriaRole.LINK, "Manage Invitation");
		this.audit.check("Manage Invitation without script");
		click(AriaRole.BUTTON, "Delete Service Provider in Waiting area " + this.clinic.tag());
		this.audit.check("Manage Invitation without script, one role marked");
		click(AriaRole.BUTTON, "Remove Roles");
		this.audit.check("Remove Roles without script");
		visit("/activity?person=" + invitee, "Activity without script");
		visit(this.clinic.waitingAreaPath() + "/add-users", "Add Users without script");
		click(AriaRole.BUTTON, "Save");
		this.audit.check("Add Users without script, nothing filled in");
		this.audit.assertNoProblems();
	}

	/** The audit finds what it looks for: it cannot pass by checking nothing. */
	@Test
	void auditFindsAViolationOfEachKind() {
		this.page.setContent("<!DOCTYPE html><html><head><title>Bad page</title></head><body><main>"
				+ "<img src=\"/missing.png\"><button></button><div style=\"width: 2000px\">wide</div>"
				+ "<a href=\"#\" style=\"outline: none\">link</a>"
				+ "<form class=\"search\"><label>Sort by <select style=\"width: 5rem\">"
				+ "<option>Invited, newest first</option></select></label></form>"
				+ "<table><tr><th style=\"width: 3ch; overflow-wrap: anywhere\">Reminder</th>"
				+ "<td><i>Sent</i></td></tr></table><div class=\"actions-row\">"
				+ "<button style=\"width: 4rem; white-space: nowrap; overflow: hidden\">Send Reminders</button>"
				+ "</div></main></body></html>");

		this.audit.check("A page made to fail");

		assertThat(this.audit.problems()).anyMatch((problem) -> problem.contains("(desktop): image-alt"))
			.anyMatch((problem) -> problem.contains("(320 px): image-alt"))
			.anyMatch((problem) -> problem.contains("(desktop): button-name"))
			.anyMatch((problem) -> problem.contains("(320 px): button-name"))
			.anyMatch((problem) -> problem.contains("at 320 px scrolls sideways"))
			.anyMatch((problem) -> problem.contains("focus ring of A link has contrast 0.00"))
			.anyMatch((problem) -> problem.contains("at 1024 px: \"Re")
					&& problem.endsWith("\" broken inside a word in th \"Reminder\""))
			.anyMatch((problem) -> problem.contains("at 1280 px: i \"Sent\" is italic"))
			.anyMatch((problem) -> problem.contains("select \"Invited, newest first\" is 80 px wide"))
			.anyMatch((problem) -> problem.contains("at 1024 px: button \"Send Reminders\" is clipped"))
			.anyMatch((problem) -> problem.contains("at 1280 px: the page scrolls sideways"));
	}

	@Test
	void headerKeepsItsHeightFromPageToPage() {
		signIn();
		for (int width : new int[] { 1280, 390, 320 }) {
			this.page.setViewportSize(width, 800);
			java.util.Set<Object> heights = new java.util.HashSet<>();
			for (String path : new String[] { "/", "/users", "/waiting-areas", "/meeting-rooms",
					"/organisational-units", this.clinic.waitingAreaPath() + "/users" }) {
				this.page.navigate(url(path));
				heights.add(this.page.evaluate("() => document.querySelector('header.top').offsetHeight"));
			}
			assertThat(heights).as("heights of the header at %d px", width).hasSize(1);
		}
	}

	private void visit(String path, String state) {
		this.page.navigate(url(path));
		assertThat(this.page.title()).as(path).isNotBlank();
		this.audit.check(state);
	}

}
