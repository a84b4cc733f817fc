package com.videocall.admin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.options.AriaRole;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in Chromium, through its virtual authenticator (the DevTools protocol's
 * WebAuthn domain: a platform authenticator that keeps passkeys and verifies its user, as
 * a laptop's fingerprint reader does): set one up as the second factor, sign in with it
 * alone and as the second step, rename it, and the last factor of an administrator kept
 * (SI1, SI2, SI3). An authenticator that cannot verify its user signs nobody in: the
 * relying party requires user verification, so that a passkey is two factors.
 */
class PasskeyBrowserTests extends BrowserTest {

	private CDPSession devTools;

	private String authenticator;

	@BeforeEach
	void virtualAuthenticator() {
		this.devTools = this.context.newCDPSession(this.page);
		this.devTools.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject parameters = new JsonObject();
		parameters.add("options", options);
		this.authenticator = this.devTools.send("WebAuthn.addVirtualAuthenticator", parameters)
			.get("authenticatorId")
			.getAsString();
	}

	@Test
	void setsUpAPasskeyAndSignsInWithItAloneAndAsTheSecondStep() {
		PageAudit audit = new PageAudit(this.page);
		signIn();
		this.page.navigate(url("/sign-in/set-up"));
		audit.check("Set up a second factor, with passkeys");
		this.page.getByLabel("Name of this passkey").fill("Test laptop");
		click(AriaRole.BUTTON, "Add a passkey");
		assertThat(this.page.locator("h1")).hasText("Recovery codes");
		assertThat(this.page.locator(".recovery-codes code")).hasCount(10);
		click(AriaRole.LINK, "Continue");
		assertThat(this.page.getByText("Signed in as")).isVisible();
		assertThat(MailServer.text(this.mail.awaitEmails(this.clinic.adminEmail(), 1).get(0)))
			.contains("A passkey was added to your Video Call Admin account.");

		click(AriaRole.LINK, "Security");
		assertThat(this.page.locator("table.passkeys")).containsText("Test laptop");
		assertThat(this.page.locator("table.passkeys")).containsText("Never");
		audit.check("Security, with a passkey");
		click(AriaRole.LINK, "Rename Test laptop");
		audit.check("Rename passkey");
		this.page.getByLabel("Name").fill("Desk laptop");
		click(AriaRole.BUTTON, "Save");
		assertThat(banner()).hasText("The passkey is now called Desk laptop.");

		// A passkey alone: no password, no second step.
		click(AriaRole.BUTTON, "Sign out");
		audit.check("Sign in, with passkeys");
		long started = System.nanoTime();
		click(AriaRole.BUTTON, "Sign in with a passkey");
		assertThat(this.page.locator("h1")).hasText("Welcome, Admin " + this.clinic.tag());
		System.out.printf(
				"Passkey sign-in: %d ms from the click to the home page (options, ceremony, sign-in, " + "home page)%n",
				(System.nanoTime() - started) / 1_000_000);

		// The password, then the passkey as the second step.
		click(AriaRole.BUTTON, "Sign out");
		this.page.getByLabel("Email").fill(this.clinic.adminEmail());
		this.page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
		click(AriaRole.BUTTON, "Sign in");
		assertThat(this.page.locator("h1")).hasText("Confirm it's you");
		assertThat(this.page.getByLabel("Code from your authenticator app")).hasCount(0);
		audit.check("Confirm it's you, with a passkey");
		click(AriaRole.BUTTON, "Use a passkey");
		assertThat(this.page.locator("h1")).hasText("Welcome, Admin " + this.clinic.tag());

		click(AriaRole.LINK, "Security");
		assertThat(this.page.locator("table.passkeys td").nth(2)).not().hasText("Never");
		click(AriaRole.BUTTON, "Remove Desk laptop");
		assertThat(banner()).hasText(
				"You cannot remove your last second factor: administrators need one to sign in. Add another one first.");
		assertThat(this.page.locator("table.passkeys")).containsText("Desk laptop");
		audit.assertNoProblems();
	}

	@Test
	void aPasskeyWhoseAuthenticatorCannotVerifyItsUserSignsNobodyIn() {
		signIn();
		this.page.navigate(url("/sign-in/set-up"));
		this.page.getByLabel("Name of this passkey").fill("Test laptop");
		click(AriaRole.BUTTON, "Add a passkey");
		assertThat(this.page.locator("h1")).hasText("Recovery codes");
		click(AriaRole.LINK, "Continue");
		click(AriaRole.BUTTON, "Sign out");

		JsonObject unverified = new JsonObject();
		unverified.addProperty("authenticatorId", this.authenticator);
		unverified.addProperty("isUserVerified", false);
		this.devTools.send("WebAuthn.setUserVerified", unverified);
		click(AriaRole.BUTTON, "Sign in with a passkey");
		assertThat(this.page.getByRole(AriaRole.ALERT))
			.hasText("That passkey could not sign you in. Try again, or sign in with your email and password.");
		assertThat(this.page.locator("h1")).hasText("Sign in");
		assertThat(this.page.url()).endsWith("/sign-in?signed-out");
	}

}
