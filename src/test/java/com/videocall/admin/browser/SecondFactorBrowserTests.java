package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.support.TestOrganisation;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Setting up an authenticator app and signing in with it or with a recovery code, then
 * "Security" and "Change password", in the browser, each page audited (SI1, SI2, SI3,
 * SI9). The browsers' application asks for a second factor only of those who set one up
 * (its test setting), so the set-up is opened by its address; the administrator is sent
 * there after the password where the factor is required (the default;
 * {@code SecondFactorIntegrationTests}).
 */
class SecondFactorBrowserTests extends BrowserTest {

	@Autowired
	SecondFactorService factors;

	@Test
	void setsUpAnAppAndSignsInWithItsCodesAndARecoveryCode() {
		PageAudit audit = new PageAudit(this.page);
		signIn();
		this.page.navigate(url("/sign-in/set-up"));
		assertThat(this.page.locator("h1")).hasText("Set up a second factor");
		audit.check("Set up a second factor");
		click(AriaRole.LINK, "Use an authenticator app");
		audit.check("Use an authenticator app");
		String key = this.page.locator("code.key").textContent();
		this.page.getByLabel("Code from your authenticator app").fill("12345");
		click(AriaRole.BUTTON, "Confirm");
		assertThat(this.page.locator(".error-summary")).containsText("Enter the 6-digit code");
		audit.check("Use an authenticator app, wrong code");
		this.page.getByLabel("Code from your authenticator app").fill(AuthenticatorAppCodes.code(key, 0));
		click(AriaRole.BUTTON, "Confirm");
		assertThat(this.page.locator("h1")).hasText("Recovery codes");
		audit.check("Recovery codes");
		List<String> recoveryCodes = this.page.locator(".recovery-codes code").allTextContents();
		assertThat(recoveryCodes).hasSize(10);
		click(AriaRole.LINK, "Continue");
		assertThat(this.page.getByText("Signed in as")).isVisible();

		signOutAndIn();
		assertThat(this.page.locator("h1")).hasText("Confirm it's you");
		audit.check("Confirm it's you");
		click(AriaRole.LINK, "Use a recovery code");
		audit.check("Use a recovery code");
		this.page.getByLabel("Recovery code").fill(recoveryCodes.get(0));
		click(AriaRole.BUTTON, "Confirm");
		assertThat(this.page.locator("h1")).hasText("Welcome, Admin " + this.clinic.tag());

		signOutAndIn();
		this.page.getByLabel("Code from your authenticator app").fill(AuthenticatorAppCodes.code(key, 1));
		click(AriaRole.BUTTON, "Confirm");
		assertThat(this.page.locator("h1")).hasText("Welcome, Admin " + this.clinic.tag());

		click(AriaRole.LINK, "Security");
		assertThat(this.page.locator("table.sessions")).containsText("This browser");
		assertThat(this.page.getByText("9 recovery codes left")).isVisible();
		audit.check("Security");
		click(AriaRole.LINK, "Change password");
		this.page.getByLabel("Current password").fill("not the password");
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
			.fill("kettle quarry violet lantern");
		this.page.getByLabel("Confirm new password").fill("kettle quarry violet lantern");
		click(AriaRole.BUTTON, "Change password");
		assertThat(this.page.locator(".error-summary")).containsText("That is not your current password.");
		audit.check("Change password, wrong current password");

		long provider = this.organisation.person("Provider " + this.clinic.tag(), this.clinic.email("provider"));
		this.organisation.grant(provider, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		byte[] theirKey = this.factors.newKey();
		this.factors.setUpAuthenticatorApp(provider, this.clinic.email("provider"), theirKey,
				AuthenticatorAppCodes.code(new Base32().encodeAsString(theirKey), 0));
		this.page.navigate(url("/users/" + provider));
		click(AriaRole.LINK, "Reset second factor");
		audit.check("Reset second factor");
		click(AriaRole.BUTTON, "Yes");
		assertThat(this.page.locator(".banner")).containsText("has been reset");
		audit.check("User, second factor reset");
		audit.assertNoProblems();
	}

	private void signOutAndIn() {
		click(AriaRole.BUTTON, "Sign out");
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		this.page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
		click(AriaRole.BUTTON, "Sign in");
	}

}
