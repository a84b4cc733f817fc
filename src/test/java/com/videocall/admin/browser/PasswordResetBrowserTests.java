package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.support.MailServer;
import org.junit.jupiter.api.Test;

/**
 * "Forgot your password?" in the browser without script, plain forms only (SI9): from the
 * sign-in page to the emailed link, "Choose a new password" and signing in with it, each
 * page audited ({@link PageAudit}). {@code PasswordResetIntegrationTests} holds the
 * rules.
 */
class PasswordResetBrowserTests extends BrowserTest {

	private static final String NEW_PASSWORD = "kettle quarry violet lantern";

	@Test
	void choosesANewPasswordThroughTheEmailedLinkWithoutScript() {
		this.page.route("**/js/app.js", (route) -> route.abort());
		PageAudit audit = new PageAudit(this.page);
		this.page.navigate(url("/sign-in"));
		click(AriaRole.LINK, "Forgot your password?");
		assertThat(this.page.locator("h1")).hasText("Forgot your password?");
		audit.check("Forgot your password?");
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		click(AriaRole.BUTTON, "Send link");
		assertThat(banner()).hasText("If an account uses this address, we have sent it a link.");
		audit.check("Forgot your password?, answered");

		String link = linkInEmail();
		this.page.navigate(link);
		assertThat(this.page.locator("h1")).hasText("Choose a new password");
		audit.check("Choose a new password");
		newPassword("too short", "too short");
		assertThat(this.page.locator(".error-summary")).containsText("Your password needs at least 12 characters.");
		audit.check("Choose a new password, refused");
		newPassword(NEW_PASSWORD, NEW_PASSWORD);
		assertThat(banner()).containsText("Your password was changed");
		audit.check("Sign in, password changed");

		signIn(this.clinic.adminEmail(), NEW_PASSWORD);
		this.page.navigate(link);
		assertThat(this.page.locator("h1")).hasText("This link does not work");
		audit.check("A link already used");
		audit.assertNoProblems();
	}

	private void newPassword(String password, String confirmation) {
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		this.page.getByLabel("Confirm new password").fill(confirmation);
		click(AriaRole.BUTTON, "Save new password");
	}

	private String linkInEmail() {
		Matcher link = Pattern.compile(Pattern.quote(url("/password-reset/")) + "[A-Za-z0-9_-]{43}")
			.matcher(MailServer.text(this.mail.awaitEmails(this.clinic.adminEmail(), 1).get(0)));
		assertThat(link.find()).as("the link in the email").isTrue();
		return link.group();
	}

}
