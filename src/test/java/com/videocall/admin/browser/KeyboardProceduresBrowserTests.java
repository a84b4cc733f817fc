package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's four procedures by keyboard alone, from signing in to the banner, each
 * printing how many keys it took (every typed character counts as one).
 */
class KeyboardProceduresBrowserTests extends BrowserTest {

	Keyboard keys;

	@BeforeEach
	void keyboard() {
		this.keys = new Keyboard(this.page);
	}

	/** Then finds it in Activity by its filters (AC1, AC3). */
	@Test
	void sendsAReminderByKeyboardOnlyAndFindsItInActivity() {
		String invitee = invite("keyboard", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signInByKeyboard();
		openManageInvitationByKeyboard(invitee);
		this.keys.tabTo("Send Reminder");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
		report("Users list: Send Reminder");
		this.keys.tabTo("A", "Close");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("A", "Activity");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("SELECT", "What");
		// A list takes the first letters of one of its options.
		this.keys.type("Reminder s");
		this.keys.tabTo("INPUT", "Person");
		this.keys.type(invitee);
		this.keys.pressAndWait("Enter");
		Locator rows = this.page.locator("main tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows.locator("td[data-label=What]")).hasText("Reminder sent");
		assertThat(rows.locator("td[data-label=Person]")).hasText(invitee);
		report("Users list: Send Reminder, then Activity: What, Person, Filter");
	}

	@Test
	void removesOneRoleByKeyboardOnly() {
		String invitee = invite("keyboard.delete", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signInByKeyboard();
		openManageInvitationByKeyboard(invitee);
		this.keys.tabTo("BUTTON", "Delete Receptionist");
		this.keys.press("Enter");
		this.keys.tabTo("BUTTON", "Remove Roles");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("BUTTON", "Yes");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Removed Receptionist from the invitation for " + invitee);
		report("Manage Invitation: Delete, Remove Roles, Yes");
	}

	/** LC1: "Change end date", then "Clear end date". */
	@Test
	void clearsTheEndDateOfAnInvitedRoleByKeyboardOnly() {
		String invitee = invite("keyboard.end", new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(),
				LocalDate.now(ZoneId.of("Australia/Sydney")).plusDays(5)));
		signInByKeyboard();
		openManageInvitationByKeyboard(invitee);
		this.keys.tabTo("A", "Change end date");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("BUTTON", "Clear end date");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Receptionist in " + this.clinic.waitingAreaName() + " no longer ends.");
		assertThat(this.page.locator("td[data-label=Role]")).hasText("Receptionist");
		report("Manage Invitation: Change end date, Clear end date");
	}

	@Test
	void changesRolesByKeyboardOnly() {
		String invitee = invite("keyboard.change", new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signInByKeyboard();
		openManageInvitationByKeyboard(invitee);
		this.keys.tabTo("A", "Change Roles");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("INPUT", "Receptionist in");
		this.keys.press("Space");
		this.keys.tabTo("INPUT", "Service Provider");
		this.keys.press("Space");
		this.keys.tabTo("BUTTON", "Continue");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("BUTTON", "Yes");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Roles changed for " + invitee);
		report("Manage Invitation: Change Roles, two boxes, Continue, Yes");
	}

	@Test
	void cancelsTheInvitationByKeyboardOnly() {
		String invitee = invite("keyboard.cancel", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signInByKeyboard();
		cancelByKeyboard(invitee);
		report("Manage Invitation: Select All, Remove Roles, Yes");
	}

	@Test
	void undoesACancellationByKeyboardOnly() {
		String invitee = invite("keyboard.undo", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signInByKeyboard();
		cancelByKeyboard(invitee);
		// The banner takes focus, as after every action; its Undo is the next Tab stop.
		assertThat(banner()).isFocused();
		this.keys.press("Tab");
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo"))).isFocused();
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Undone: the invitation for " + invitee);
		assertThat(banner()).isFocused();
		report("Manage Invitation: Select All, Remove Roles, Yes, Undo");
	}

	@Test
	void resendsAndCancelsFromAnOrganisationalUnitByKeyboardOnly() {
		String invitee = invite("keyboard.unit", new RoleOffer(Role.ORGANISATION_COORDINATOR, this.clinic.unit()));
		signInByKeyboard();
		this.keys.tabTo("Organisational Units");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("A", this.clinic.unitName());
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("Manage Administrators");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("SUMMARY", invitee);
		this.keys.press("Enter");
		this.keys.tabTo("Resend Invitation");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
		this.keys.tabTo("SUMMARY", invitee);
		this.keys.press("Enter");
		this.keys.tabTo("Cancel Invitation");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("Invitation cancelled for " + invitee);
		report("Organisational unit: Resend Invitation, Cancel Invitation");
	}

	@Test
	void cancelsSeveralInvitationsFromPendingInvitationsByKeyboardOnly() {
		String first = invite("keyboard.bulk.a", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		invite("keyboard.bulk.b", new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signInByKeyboard();
		this.keys.tabTo("Pending Invitations");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("Search by name or email");
		this.keys.type(this.clinic.tag());
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("INPUT", "Select All");
		this.keys.press("Space");
		assertThat(this.page.getByLabel("Select " + first)).isChecked();
		this.keys.tabTo("BUTTON", "Cancel Invitations");
		this.keys.pressAndWait("Enter");
		assertThat(this.page.getByText("Cancel the invitations of 2 people?")).isVisible();
		this.keys.tabTo("BUTTON", "Yes");
		this.keys.pressAndWait("Enter");
		// The banner's sentence, then its Undo for the whole action (UN).
		assertThat(banner().locator("p")).hasText("Invitations cancelled for 2 people.");
		assertThat(banner().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).isVisible();
		report("Pending Invitations: two rows, Cancel Invitations, Yes");
	}

	/** IM1-IM3: the file chosen with Space in the file chooser, Preview, Import. */
	@Test
	void importsUsersFromAFileByKeyboardOnly() {
		String invitee = this.clinic.email("keyboard.import");
		signInByKeyboard();
		this.keys.tabTo("A", "Users");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("A", "Import Users");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("INPUT", "CSV file");
		// The file itself is chosen in the system's dialog, which is not the page's:
		// headless
		// Chromium opens none, so the focused field is given the file as that dialog
		// would.
		assertThat(this.page.getByLabel("CSV file")).isFocused();
		this.page.locator("input:focus")
			.setInputFiles(new FilePayload("staff.csv", "text/csv", ("email,name,area,roles\r\n" + invitee + ",,"
					+ this.clinic.meetingRoomName() + ",Meeting Room Member\r\n")
				.getBytes(StandardCharsets.UTF_8)));
		this.keys.tabTo("BUTTON", "Preview");
		this.keys.pressAndWait("Enter");
		assertThat(this.page.locator("#rows td[data-label=Outcome]")).hasText("New invitation");
		this.keys.tabTo("BUTTON", "Import 1 row");
		this.keys.pressAndWait("Enter");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Import Users: done", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		assertThat(this.page.locator("#rows td[data-label=Outcome]")).hasText("New invitation");
		report("Users list: Import Users, choose a file, Preview, Import");
	}

	private void signInByKeyboard() {
		this.page.navigate(url("/sign-in"));
		assertThat(this.page.getByLabel("Email")).isFocused();
		this.keys.type(this.clinic.adminEmail());
		this.keys.press("Tab");
		this.keys.type(TestOrganisation.PASSWORD);
		this.keys.pressAndWait("Enter");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("Welcome");
	}

	/** Manage Invitation: Select All, Remove Roles, Yes. */
	private void cancelByKeyboard(String invitee) {
		openManageInvitationByKeyboard(invitee);
		this.keys.tabTo("INPUT", "Select All");
		this.keys.press("Space");
		this.keys.tabTo("BUTTON", "Remove Roles");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("BUTTON", "Yes");
		this.keys.pressAndWait("Enter");
		assertThat(banner()).containsText("The invitation for " + invitee + " is cancelled");
	}

	private void openManageInvitationByKeyboard(String invitee) {
		this.keys.tabTo("Users");
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("Search by name or email");
		this.keys.type(invitee);
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("A", invitee);
		this.keys.pressAndWait("Enter");
		this.keys.tabTo("Manage Invitation");
		this.keys.pressAndWait("Enter");
	}

	private void report(String procedure) {
		System.out.printf("Key presses, %s: %d%n", procedure, this.keys.presses());
	}

}
