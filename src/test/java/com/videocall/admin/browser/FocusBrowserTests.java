package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import org.junit.jupiter.api.Test;

/**
 * Focus follows the work: the dialog opens as a modal with focus on its heading, Escape
 * and "Close" return to the row it was opened from, and after every action the banner (or
 * the summary of a form's errors) has focus, so that screen readers read it out.
 */
class FocusBrowserTests extends BrowserTest {

	@Test
	void opensTheDialogAsAModalAndEscapeReturnsToTheRow() {
		String invitee = invite("escape", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);

		assertThat(this.page.locator("dialog:modal")).hasCount(1);
		assertThat(focused()).isEqualTo("H1 Manage Invitation");
		assertThat(this.page.locator(".behind-dialog[inert]")).hasCount(1);
		this.page.waitForNavigation(() -> this.page.keyboard().press("Escape"));

		assertThat(this.page)
			.hasURL(url("/users?q=" + invitee.replace("@", "%40") + "#user-" + this.organisation.accountId(invitee)));
		assertThat(focused()).isEqualTo("A " + invitee);
	}

	@Test
	void closeReturnsToTheRowOfTheListAsItWas() {
		String invitee = invite("close", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.LINK, "Close");

		assertThat(this.page.getByLabel("Search by name or email")).hasValue(invitee);
		assertThat(focused()).isEqualTo("A " + invitee);
	}

	@Test
	void focusesTheBannerInsideTheDialogAfterSendReminder() {
		String invitee = invite("reminder.focus", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.BUTTON, "Send Reminder");

		assertBannerFocused("Reminder sent to " + invitee + ".");
		assertThat(this.page.locator("dialog:modal .banner")).hasCount(1);
	}

	@Test
	void deleteSaysWhatIsMarkedAndTheBannerHasFocusAfterYes() {
		String invitee = invite("delete.focus", new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		signIn();
		openManageInvitation(invitee);
		click(AriaRole.BUTTON, "Delete Receptionist in Waiting area " + this.clinic.tag());

		assertThat(this.page.locator("[data-marked-note]"))
			.hasText("1 role is marked for removal. Choose \"Remove Roles\" to continue.");
		this.page.getByLabel("Select All").check();
		assertThat(this.page.locator("[data-marked-note]"))
			.hasText("2 roles are marked for removal. Choose \"Remove Roles\" to continue.");
		this.page.getByLabel("Service Provider in Waiting area " + this.clinic.tag()).uncheck();
		assertThat(this.page.getByLabel("Select All")).not().isChecked();
		assertThat(this.page.locator("[data-marked-note]"))
			.hasText("1 role is marked for removal. Choose \"Remove Roles\" to continue.");
		click(AriaRole.BUTTON, "Remove Roles");
		assertThat(this.page.locator("dialog:modal")).hasCount(1);
		assertThat(focused()).isEqualTo("H1 Remove Roles");
		click(AriaRole.BUTTON, "Yes");

		assertBannerFocusedOfferingUndo("Removed Receptionist from the invitation for " + invitee + ".");
	}

	@Test
	void focusesTheBannerAfterResendAndCancelInAnArea() {
		String invitee = invite("area.focus", new RoleOffer(Role.ORGANISATION_COORDINATOR, this.clinic.unit()),
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		signIn();
		this.page.navigate(url(this.clinic.unitPath() + "/administrators"));
		this.page.locator("summary", new Page.LocatorOptions().setHasText(invitee)).click();
		click(AriaRole.BUTTON, "Resend Invitation");
		assertBannerFocused("Reminder sent to " + invitee + ".");

		this.page.locator("summary", new Page.LocatorOptions().setHasText(invitee)).click();
		click(AriaRole.BUTTON, "Cancel Invitation");
		assertBannerFocusedOfferingUndo("Invitation cancelled for " + invitee + " in " + this.clinic.unitName()
				+ ". The invitation for " + invitee + " remains for other areas.");
	}

	@Test
	void focusesTheErrorSummaryThenTheBannerInAddUsers() {
		signIn();
		this.page.navigate(url(this.clinic.waitingAreaPath() + "/add-users"));
		click(AriaRole.BUTTON, "Save");

		Locator summary = this.page.locator(".error-summary");
		assertThat(summary).isFocused();
		assertThat(this.page).hasTitle(java.util.regex.Pattern.compile("^Error: Add Users – "));
		assertThat(summary.getByRole(AriaRole.LINK)).hasText(
				new String[] { "Enter at least one email address or name.", "Choose at least one role of this area." });
		summary
			.getByRole(AriaRole.LINK,
					new Locator.GetByRoleOptions().setName("Enter at least one email address or name."))
			.click();
		assertThat(this.page.getByLabel("Email addresses or names")).isFocused();
		assertThat(this.page.getByLabel("Email addresses or names")).hasAttribute("aria-invalid", "true");

		String invitee = this.clinic.email("added.focus");
		this.page.getByLabel("Email addresses or names").fill(invitee);
		this.page.getByLabel("Receptionist").check();
		click(AriaRole.BUTTON, "Save");
		assertBannerFocused("Invitation sent to " + invitee + ".");
	}

	/**
	 * After a removal the banner also holds its "Undo" button and until when it works
	 * (UN).
	 */
	private void assertBannerFocusedOfferingUndo(String text) {
		// The text as it stands in the page, any white space between words; escaped by
		// hand, as the pattern runs in the browser, whose regular expressions lack \Q…\E.
		String words = java.util.Arrays.stream(text.split(" "))
			.map((word) -> word.replaceAll("[.\\\\+*?()\\[\\]{}|^$]", "\\\\$0"))
			.collect(java.util.stream.Collectors.joining("\\s+"));
		assertThat(banner()).hasText(java.util.regex.Pattern
			.compile("^\\s*" + words + "\\s+Undo\\s+\\(possible until [^)]+ (am|pm) \\w+\\)\\s*$"));
		assertThat(banner()).isFocused();
		assertThat(banner().getByRole(AriaRole.BUTTON)).hasText("Undo");
	}

	private void assertBannerFocused(String text) {
		assertThat(banner()).hasText(text);
		assertThat(banner()).isFocused();
	}

	/** The focused element: its tag name and its text. */
	private String focused() {
		return (String) this.page.evaluate("() => document.activeElement.tagName + ' '"
				+ " + document.activeElement.textContent.trim().replace(/\\s+/g, ' ')");
	}

	private void openManageInvitation(String invitee) {
		this.page.navigate(url("/users?q=" + invitee));
		click(AriaRole.LINK, invitee);
		click(AriaRole.LINK, "Manage Invitation");
	}

}
