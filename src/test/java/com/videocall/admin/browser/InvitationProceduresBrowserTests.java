package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import org.junit.jupiter.api.Test;

/**
 * The seed's four procedures, word for word, in a real Chromium as an administrator, then
 * the invitee's set-up from the emailed link. {@link KeyboardProceduresBrowserTests} does
 * them by keyboard only, {@link InvitationProceduresWithoutScriptBrowserTests} with
 * JavaScript switched off. Each test works on a clinic of its own.
 */
class InvitationProceduresBrowserTests extends BrowserTest {

	/** Then finds it in Activity (AC1, AC3), filtered by what happened and to whom. */
	@Test
	void sendsAReminderFromTheUsersListAndFindsItInActivity() {
		String invitee = invite("reminded", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.BUTTON, "Send Reminder");
		assertThat(banner()).containsText("Reminder sent to " + invitee);
		click(AriaRole.LINK, "Close");
		click(AriaRole.LINK, "Activity");
		this.page.getByLabel("What", new Page.GetByLabelOptions().setExact(true)).selectOption("Reminder sent");
		this.page.getByLabel("Person", new Page.GetByLabelOptions().setExact(true)).fill(invitee);
		click(AriaRole.BUTTON, "Filter");
		Locator rows = this.page.locator("main tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows.locator("td[data-label=Who]")).hasText("Admin " + this.clinic.tag());
		assertThat(rows.locator("td[data-label=What]")).hasText("Reminder sent");
		assertThat(rows.locator("td[data-label=Areas]")).hasText(this.clinic.waitingAreaName());
		assertThat(rows.locator("td[data-label=Page]")).hasText("Users: Manage Invitation");
		assertThat(this.page.getByLabel("Person", new Page.GetByLabelOptions().setExact(true))).hasValue(invitee);
	}

	/**
	 * IM1-IM3: Import Users from a waiting area's Manage Users, a preview, "Import [N]
	 * rows", and the summary once it is done (without script in the subclass: the page
	 * that shows how far it got refreshes itself).
	 */
	@Test
	void importsUsersFromASpreadsheetWithPreviewAndImport() {
		String invitee = this.clinic.email("imported");
		signIn();
		this.page.navigate(url(this.clinic.waitingAreaPath() + "/users"));
		click(AriaRole.LINK, "Import Users");
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("staff.csv", "text/csv",
					("\uFEFFemail;name;area;roles;access until;message\r\n" + invitee + ";Imported Person;"
							+ this.clinic.waitingAreaName() + ";\"Service Provider;Receptionist\";;\r\n"
							+ "not-an-address;;" + this.clinic.waitingAreaName() + ";Receptionist;;\r\n")
						.getBytes(StandardCharsets.UTF_8)));
		click(AriaRole.BUTTON, "Preview");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Import Users: preview");
		assertThat(this.page.locator("#rows td[data-label=Outcome]"))
			.containsText(new String[] { "Email address is not valid", "New invitation" });
		click(AriaRole.BUTTON, "Import 1 row");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Import Users: done", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		assertThat(this.page.locator("#rows td[data-label=Outcome]"))
			.containsText(new String[] { "Email address is not valid", "New invitation" });
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download results")))
			.isVisible();
		org.assertj.core.api.Assertions.assertThat(linkInEmailTo(invitee)).contains("/invitation/");
	}

	/** LC1: "Change end date" of an invited role (without script in the subclass). */
	@Test
	void changesTheEndDateOfAnInvitedRoleFromTheDialog() {
		LocalDate today = LocalDate.now(ZoneId.of("Australia/Sydney"));
		String invitee = invite("end.date",
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea(), today.plusDays(5)));
		signIn();
		openManageInvitation(invitee);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change end date of Receptionist"))
			.click();
		this.page.getByLabel("New end date").fill(today.plusDays(30).toString());
		click(AriaRole.BUTTON, "Change end date");
		String day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(today.plusDays(30));
		assertThat(banner()).containsText("now ends on " + day);
		assertThat(this.page.locator("td[data-label=Role]")).hasText("Receptionist until " + day);
	}

	@Test
	void removesOneRoleWithDeleteRemoveRolesAndYes() {
		String invitee = invite("two.roles", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		removeReceptionistRole(invitee);
	}

	/** LC4: Receptionist becomes Service Provider in one step, never cancelled. */
	@Test
	void changesRolesWithChangeRolesContinueAndYes() {
		String invitee = invite("changed", new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.LINK, "Change Roles");
		this.page.getByLabel("Receptionist in Waiting area " + this.clinic.tag()).check();
		this.page.getByLabel("Service Provider", new Page.GetByLabelOptions().setExact(true)).check();
		click(AriaRole.BUTTON, "Continue");
		assertThat(this.page.locator("#roles-added li"))
			.hasText("Service Provider in Waiting area " + this.clinic.tag());
		assertThat(this.page.locator("#roles-removed li")).hasText("Receptionist in Waiting area " + this.clinic.tag());
		click(AriaRole.BUTTON, "Yes");
		assertThat(banner()).containsText("Roles changed for " + invitee);
		assertThat(this.page.getByRole(AriaRole.CELL,
				new Page.GetByRoleOptions().setName("Service Provider").setExact(true)))
			.hasCount(1);
		assertThat(this.page.locator("ol.history li").last())
			.containsText("Roles changed by Admin " + this.clinic.tag());
	}

	@Test
	void cancelsTheInvitationWithSelectAllRemoveRolesAndYes() {
		String invitee = invite("cancelled", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		signIn();
		cancelWithSelectAll(invitee);
		search(invitee);
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(invitee))).hasCount(0);
	}

	/** P3: with script, and without it in the subclass ("Select All" is then a field). */
	@Test
	void cancelsSeveralInvitationsFromPendingInvitations() {
		String first = invite("bulk.a", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		String second = invite("bulk.b", new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		click(AriaRole.LINK, "Pending Invitations");
		this.page.getByLabel("Search by name or email").fill(this.clinic.tag());
		click(AriaRole.BUTTON, "Search");
		this.page.getByLabel("Select All").check();
		click(AriaRole.BUTTON, "Cancel Invitations");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Cancel Invitations");
		assertThat(this.page.getByText("Cancel the invitations of 2 people?")).isVisible();
		click(AriaRole.BUTTON, "Yes");
		// The banner's sentence, then its Undo for the whole action (UN).
		assertThat(banner().locator("p")).hasText("Invitations cancelled for 2 people.");
		assertThat(banner().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).isVisible();
		assertThat(this.page.getByLabel("Search by name or email")).hasValue(this.clinic.tag());
		assertThat(this.page.getByText(first)).hasCount(0);
		assertThat(this.page.getByText(second)).hasCount(0);
	}

	@Test
	void undoesACancellationFromTheBanner() {
		String invitee = invite("undone", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		cancelWithSelectAll(invitee);
		click(AriaRole.BUTTON, "Undo");
		assertThat(banner()).containsText("Undone: the invitation for " + invitee);
		assertThat(banner().getByRole(AriaRole.BUTTON)).hasCount(0);
		openManageInvitation(invitee);
		assertThat(this.page.getByRole(AriaRole.CELL,
				new Page.GetByRoleOptions().setName("Service Provider").setExact(true)))
			.hasCount(1);
		assertThat(this.page.locator("ol.history li").last()).containsText("Undone by Admin " + this.clinic.tag());
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
		assertThat(banner()).hasText("Your account is set up and you are signed in.");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Nina Newcomer");
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

	/** Manage Invitation: Select All, Remove Roles, Yes. */
	private void cancelWithSelectAll(String invitee) {
		openManageInvitation(invitee);
		this.page.getByLabel("Select All").check();
		click(AriaRole.BUTTON, "Remove Roles");
		click(AriaRole.BUTTON, "Yes");
		assertThat(banner()).containsText("The invitation for " + invitee + " is cancelled");
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

}
