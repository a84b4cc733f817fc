package com.videocall.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;

/**
 * Checks each state of a page as a person with a screen reader, a keyboard or a phone
 * meets it: axe-core's rules (every rule that is not experimental, best practices
 * included) at desktop width and at 320 px; no horizontal scrolling at 320 and 390 px
 * (WCAG 1.4.10), of the page or of an open modal; a focus ring of at least 3:1 against
 * the background around each control reached by Tab; and, on a page with a table, at 1280
 * and 1024 px: no word broken inside, no control cut off, and italics only where U2 asks
 * for them (see {@link #LAYOUT}).
 */
final class PageAudit {

	private static final int DESKTOP_WIDTH = 1280;

	private static final int DESKTOP_HEIGHT = 800;

	private static final int[] PHONE_WIDTHS = { 320, 390 };

	/**
	 * Widths at which a page with a table still shows it as a table (1280 is the
	 * desktop).
	 */
	private static final int NARROW_DESKTOP_WIDTH = 1024;

	/** How many controls of each state are reached by Tab to check their focus ring. */
	private static final int TABS = 12;

	private static final String REFLOW = """
			() => {
			  const modal = document.querySelector('dialog:modal');
			  return document.documentElement.scrollWidth - window.innerWidth
			    + (modal ? Math.max(0, modal.scrollWidth - modal.clientWidth) : 0);
			}""";

	/** The contrast of the focused control's outline with the background around it. */
	private static final String FOCUS_RING = """
			() => {
			  const e = document.activeElement;
			  // Tab never lands on an element out of the tab order (tabindex -1, such as a
			  // heading a script focused as a dialog opened, late on a busy machine).
			  if (!e || e === document.body || e.tabIndex < 0) return null;
			  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
			  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
			  const style = getComputedStyle(e);
			  const name = e.tagName + ' ' + (e.textContent || e.id || '').trim().replace(/\\s+/g, ' ').substring(0, 40);
			  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return { name, ratio: 0 };
			  let background = [255, 255, 255];
			  for (let p = e.parentElement; p; p = p.parentElement) {
			    const c = rgb(getComputedStyle(p).backgroundColor);
			    if (c.length < 4 || c[3] > 0) { background = c; break; }
			  }
			  const a = lum(rgb(style.outlineColor)), b = lum(background);
			  return { name, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
			}""";

	/**
	 * What is wrong with the tables of the page and the controls around them at this
	 * width: a word broken inside (a line break inside a word of a header or cell other
	 * than after a hyphen; an email address may also break after "@", ".", "_" or "+"); a
	 * cell, button or drop-down whose content overflows it (a text field scrolls its
	 * text, as it should); a drop-down narrower than its longest option; a control
	 * outside the window or outside the cell, form or row it sits in; italic text other
	 * than the relative time of an invitation ("Invited yesterday", U2,
	 * {@code em.pending}); and the page scrolling sideways.
	 */
	private static final String LAYOUT = """
			() => {
			  const problems = [];
			  const shown = (e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden')
			    && getComputedStyle(e).visibility !== 'hidden';
			  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + JSON.stringify(
			    (e.tagName === 'SELECT' ? (e.options[e.selectedIndex] || {}).text || '' : e.textContent || e.value || '')
			      .trim().replace(/\\s+/g, ' ').substring(0, 40));
			  const lineOf = (node, i) => {
			    const range = document.createRange();
			    range.setStart(node, i);
			    range.setEnd(node, i + 1);
			    const box = [...range.getClientRects()].find((b) => b.width > 0);
			    return box ? Math.round(box.top) : null;
			  };
			  const tables = [...document.querySelectorAll('main table')].filter(shown);
			  for (const table of tables) {
			    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
			    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			      if (!shown(node.parentElement)) continue;
			      for (const word of node.data.matchAll(/\\S+/g)) {
			        const range = document.createRange();
			        range.setStart(node, word.index);
			        range.setEnd(node, word.index + word[0].length);
			        if ([...range.getClientRects()].filter((b) => b.width > 0).length < 2) continue;
			        let line = lineOf(node, word.index);
			        for (let i = 1; i < word[0].length; i++) {
			          const next = lineOf(node, word.index + i);
			          if (next === null || next === line) continue;
			          line = next;
			          const after = word[0][i - 1];
			          if (after !== '-' && !(word[0].includes('@') && '@._+'.includes(after))) {
			            problems.push(JSON.stringify(word[0].substring(0, i) + '|' + word[0].substring(i))
			              + ' broken inside a word in ' + name(node.parentElement.closest('th, td') || node.parentElement));
			          }
			        }
			      }
			    }
			    for (const cell of table.querySelectorAll('th, td')) {
			      if (shown(cell) && cell.scrollWidth > cell.clientWidth + 1) problems.push(name(cell) + ' overflows its cell');
			    }
			  }
			  const controls = new Set([...document.querySelectorAll('main form.search, main .actions-row')].concat(tables)
			    .flatMap((around) => [...around.querySelectorAll('select, button, .button, input, summary')]));
			  for (const control of controls) {
			    if (!shown(control) || control.type === 'hidden' || control.type === 'checkbox') continue;
			    const box = control.getBoundingClientRect();
			    if (control.tagName !== 'INPUT' && control.scrollWidth > control.clientWidth + 1) {
			      problems.push(name(control) + ' is clipped');
			    }
			    if (control.tagName === 'SELECT') {
			      const copy = control.cloneNode(true);
			      copy.removeAttribute('id');
			      copy.style.cssText = 'width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
			      control.parentElement.append(copy);
			      const needed = copy.getBoundingClientRect().width;
			      copy.remove();
			      if (box.width + 1 < needed) problems.push(name(control) + ' is ' + Math.round(box.width)
			        + ' px wide, its longest option needs ' + Math.round(needed) + ' px');
			    }
			    if (box.left < 0 || box.right > window.innerWidth + 1) problems.push(name(control) + ' lies outside the window');
			    const container = control.parentElement.closest('th, td, form, .actions-row, main');
			    const outer = container.getBoundingClientRect();
			    if (box.left + 1 < outer.left || box.right > outer.right + 1) {
			      problems.push(name(control) + ' sticks out of its ' + container.tagName.toLowerCase());
			    }
			  }
			  for (const e of document.querySelectorAll('main *')) {
			    if (!shown(e) || e.closest('em.pending') || !/italic|oblique/.test(getComputedStyle(e).fontStyle)) continue;
			    if ([...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim())) {
			      problems.push(name(e) + ' is italic, though only the relative time of an invitation is (U2)');
			    }
			  }
			  const sideways = document.documentElement.scrollWidth - window.innerWidth;
			  if (sideways > 0) problems.push('the page scrolls sideways by ' + sideways + ' px');
			  return problems;
			}""";

	private final Page page;

	/** axe-core's script, the one {@code AxeBuilder} of Deque's library injects. */
	private static final String AXE_SCRIPT = AxeBuilder.getAxeScript();

	/**
	 * Each violation of a run of every rule axe-core runs by default (best practices
	 * included), in the document as it is now. Every rule still checks every element;
	 * {@code resultTypes} only spares describing each passing one (a selector and a copy
	 * of its markup), which the audit never reads.
	 */
	private static final String AXE_RUN = """
			async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.flatMap((violation) =>
			  violation.nodes.map((node) => violation.id + ' (' + violation.help + ') at ' + JSON.stringify(node.target)))
			""";

	private final List<String> problems = new ArrayList<>();

	private int states;

	private int axeRuns;

	private int reflowChecks;

	private int focusRings;

	private long axeNanos;

	private long focusNanos;

	private long reflowNanos;

	private int layoutChecks;

	private long layoutNanos;

	/**
	 * An audit of the pages {@code page} shows from now on. axe-core comes with each of
	 * them: Chromium adds it to each new document before the page's own scripts, compiled
	 * once, where injecting it into the document before each check took 100 ms or more
	 * (this application's pages have no frames, so it runs in the page alone, as
	 * {@code AxeBuilder}'s legacy mode runs it).
	 */
	PageAudit(Page page) {
		this.page = page;
		page.addInitScript(AXE_SCRIPT);
	}

	/** Checks the page as it is now, named {@code state} in the report. */
	void check(String state) {
		this.states++;
		// The page as it shows once loaded: right after a click that submitted a form,
		// the new document can be there before its style sheet applies (focus rings
		// without their outline, on a busy machine).
		this.page.waitForLoadState();
		desktop();
		axe(state + " (desktop)");
		long focusStart = System.nanoTime();
		focusRings(state);
		this.focusNanos += System.nanoTime() - focusStart;
		tables(state);
		for (int width : PHONE_WIDTHS) {
			long reflowStart = System.nanoTime();
			this.page.setViewportSize(width, 740);
			this.reflowChecks++;
			Number overflow = (Number) this.page.evaluate(REFLOW);
			if (overflow.intValue() > 0) {
				this.problems.add(state + " at " + width + " px scrolls sideways by " + overflow + " px");
			}
			this.reflowNanos += System.nanoTime() - reflowStart;
			if (width == PHONE_WIDTHS[0]) {
				axe(state + " (" + width + " px)");
			}
		}
		desktop();
	}

	/**
	 * The tables of the page and the controls around them at 1280 and 1024 px, if it has
	 * tables (see {@link #LAYOUT}).
	 */
	@SuppressWarnings("unchecked")
	private void tables(String state) {
		if (this.page.locator("main table").count() == 0) {
			return;
		}
		long start = System.nanoTime();
		for (int width : new int[] { DESKTOP_WIDTH, NARROW_DESKTOP_WIDTH }) {
			this.page.setViewportSize(width, DESKTOP_HEIGHT);
			this.layoutChecks++;
			((List<String>) this.page.evaluate(LAYOUT))
				.forEach((problem) -> this.problems.add(state + " at " + width + " px: " + problem));
		}
		this.layoutNanos += System.nanoTime() - start;
	}

	/** What the checks so far found. */
	List<String> problems() {
		return List.copyOf(this.problems);
	}

	void assertNoProblems() {
		System.out.printf(
				"Page audit: %d states; axe-core run %d times; reflow checked %d times (320 and 390 px); "
						+ "%d focus rings measured; table layout checked %d times (1280 and 1024 px); %d problems "
						+ "(axe-core %d ms, focus rings %d ms, reflow %d ms, table layout %d ms)%n",
				this.states, this.axeRuns, this.reflowChecks, this.focusRings, this.layoutChecks, this.problems.size(),
				this.axeNanos / 1_000_000, this.focusNanos / 1_000_000, this.reflowNanos / 1_000_000,
				this.layoutNanos / 1_000_000);
		assertThat(this.problems).as("accessibility and reflow problems").isEmpty();
	}

	private void desktop() {
		this.page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
	}

	/**
	 * axe-core in the document as it is now, injected first into a document that was
	 * there before the audit or was written by {@code setContent}. {@code AxeBuilder}
	 * sends the 550 KB script twice per run, even into a document that has it, and sends
	 * back every passing check too: it took 260 ms a run where this takes 80-90.
	 */
	@SuppressWarnings("unchecked")
	private void axe(String state) {
		this.axeRuns++;
		long start = System.nanoTime();
		if (!(Boolean) this.page.evaluate("() => typeof axe === 'object'")) {
			this.page.evaluate("() => {" + AXE_SCRIPT + "}");
		}
		((List<String>) this.page.evaluate(AXE_RUN)).forEach((problem) -> this.problems.add(state + ": " + problem));
		this.axeNanos += System.nanoTime() - start;
	}

	@SuppressWarnings("unchecked")
	private void focusRings(String state) {
		for (int i = 0; i < TABS; i++) {
			this.page.keyboard().press("Tab");
			Map<String, Object> ring = (Map<String, Object>) this.page.evaluate(FOCUS_RING);
			if (ring == null) {
				continue;
			}
			this.focusRings++;
			double ratio = ((Number) ring.get("ratio")).doubleValue();
			if (ratio < 3) {
				this.problems.add(state + ": focus ring of " + ring.get("name") + " has contrast "
						+ String.format("%.2f", ratio));
			}
		}
	}

}
