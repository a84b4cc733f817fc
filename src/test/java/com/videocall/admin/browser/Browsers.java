package com.videocall.admin.browser;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium-headless-shell}, the lightweight
 * headless browser Playwright uses for headless runs; the full {@code chromium} took
 * twice as long for the same procedures here) driven by Playwright, without Playwright
 * downloading a browser of its own (this network cannot reach its download site).
 */
final class Browsers {

	private static Browser chromium;

	private Browsers() {
	}

	/**
	 * The test run's one Chromium, launched on first use and closed as the JVM ends:
	 * starting Playwright's driver and the browser, then closing them, took 0.75 s a
	 * class on a busy machine. Each test has browser contexts of its own (cookies,
	 * storage, script on or off), so sharing the browser shares no state between tests.
	 */
	static synchronized Browser chromium() {
		if (chromium == null) {
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			chromium = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium-headless-shell"))
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
							"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
			Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
		}
		return chromium;
	}

}
