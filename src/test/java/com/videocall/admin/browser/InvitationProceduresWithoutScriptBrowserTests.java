package com.videocall.admin.browser;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every procedure of {@link InvitationProceduresBrowserTests} again with JavaScript
 * switched off: everything works without script, which only enhances.
 */
class InvitationProceduresWithoutScriptBrowserTests extends InvitationProceduresBrowserTests {

	@Override
	@BeforeEach
	void openBrowser() {
		super.openBrowser();
		open(new Browser.NewContextOptions().setJavaScriptEnabled(false));
	}

}
