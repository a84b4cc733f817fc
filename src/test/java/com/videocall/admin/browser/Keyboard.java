package com.videocall.admin.browser;

import com.microsoft.playwright.Page;

/**
 * A person at the keyboard, without a mouse: types, tabs to a control by what it says,
 * presses keys, and counts every key press (each typed character is one).
 */
final class Keyboard {

	private static final int MOST_TABS = 80;

	private final Page page;

	private int presses;

	Keyboard(Page page) {
		this.page = page;
	}

	int presses() {
		return this.presses;
	}

	void type(String text) {
		this.page.keyboard().type(text);
		this.presses += text.length();
	}

	void press(String key) {
		this.page.keyboard().press(key);
		this.presses++;
	}

	/** Presses a key that leads to another page, and waits for it. */
	void pressAndWait(String key) {
		this.page.waitForNavigation(() -> this.page.keyboard().press(key));
		this.presses++;
	}

	void tabTo(String text) {
		tabTo("", text);
	}

	/**
	 * Presses Tab until the focused element (of the given tag name, if any) has an
	 * accessible text containing {@code text}.
	 */
	void tabTo(String tag, String text) {
		for (int i = 0; i < MOST_TABS; i++) {
			press("Tab");
			String focused = (String) this.page.evaluate("() => { const e = document.activeElement; "
					+ "return (e.tagName + ' ' + (e.getAttribute('aria-label') || '') + ' ' "
					+ "+ (e.labels && e.labels[0] ? e.labels[0].textContent : '') "
					+ "+ ' ' + (e.textContent || '') + ' ' + (e.value || '')).replace(/\\s+/g, ' '); }");
			if (focused.startsWith(tag) && focused.contains(text)) {
				return;
			}
		}
		throw new AssertionError("No focusable element with text " + text);
	}

}
