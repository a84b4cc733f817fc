package com.videocall.admin.activity.web;

import java.util.function.LongFunction;

import com.videocall.admin.activity.ActivityPage;
import com.videocall.admin.activity.ActivityRow;
import com.videocall.admin.activity.ActivityRow.AreaInScope;
import com.videocall.admin.web.RelativeTime;

import org.springframework.web.util.UriUtils;

/**
 * The rows of an Activity page as HTML, every text escaped. Written here rather than by
 * Thymeleaf: a page of rows of a dozen expressions each cost the page most of its rate
 * (AC7, docs/performance.md "What a list pays for"), and these rows are one expression of
 * the template.
 */
final class ActivityRowsHtml {

	private final ActivityWords words;

	private final RelativeTime times;

	private final LongFunction<String> areaUrls;

	private final StringBuilder html = new StringBuilder(16_384);

	/** The opening tags of a row's cells, labelled, written once for the page. */
	private final String when;

	private final String who;

	private final String what;

	private final String person;

	private final String areas;

	private final String sourcePage;

	ActivityRowsHtml(ActivityWords words, RelativeTime times, LongFunction<String> areaUrls) {
		this.words = words;
		this.times = times;
		this.areaUrls = areaUrls;
		this.when = open("activity.when");
		this.who = open("activity.who");
		this.what = open("activity.what");
		this.person = open("activity.person");
		this.areas = open("activity.areas");
		this.sourcePage = open("activity.page");
	}

	String of(ActivityPage page) {
		for (ActivityRow row : page.rows()) {
			this.html.append("<tr id=\"entry-").append(row.id()).append("\">");
			this.html.append(this.when).append("<time datetime=\"").append(row.at()).append("\">");
			dateTime(this.times.dateTime(row.at())).append("</time></td>");
			escaped(this.html.append(this.who), this.words.who(row)).append("</td>");
			escaped(this.html.append(this.what), this.words.what(row)).append("</td>");
			this.html.append(this.person);
			if (this.words.personKnown(row)) {
				this.html.append("<a href=\"/users?q=");
				escaped(UriUtils.encodeQueryParam(row.personEmail(), "UTF-8")).append("\">");
				breakable(row.personEmail()).append("</a>");
			}
			else {
				escaped(this.words.person(row));
			}
			this.html.append("</td>").append(this.areas);
			if (!row.areas().isEmpty()) {
				this.html.append("<ul class=\"plain\">");
				for (AreaInScope area : row.areas()) {
					this.html.append("<li><a href=\"");
					escaped(this.areaUrls.apply(area.id())).append("\">");
					escaped(area.name()).append("</a>");
					if (!area.roles().isEmpty()) {
						escaped(this.html.append(' '), this.words.rolesAfterArea(area));
					}
					this.html.append("</li>");
				}
				this.html.append("</ul>");
			}
			this.html.append("</td>");
			escaped(this.html.append(this.sourcePage), row.sourcePage()).append("</td></tr>");
		}
		return this.html.toString();
	}

	/** A cell, labelled for narrow screens where cells stack. */
	private String open(String label) {
		return escaped(new StringBuilder("<td data-label=\""), this.words.label(label, null)).append("\">").toString();
	}

	/**
	 * An email address, escaped, with a line break opportunity after each "@", "." and
	 * "_" (as the fragment {@code fragments/wrapping :: email} writes one): a long
	 * address wraps at these points, not letter by letter.
	 */
	private StringBuilder breakable(String email) {
		int start = 0;
		for (int i = 0; i < email.length(); i++) {
			if ("@._".indexOf(email.charAt(i)) >= 0 && i + 1 < email.length()) {
				escaped(email.substring(start, i + 1)).append("<wbr>");
				start = i + 1;
			}
		}
		return escaped(email.substring(start));
	}

	/**
	 * A date and time ("21 Dec 2026, 11:10 pm AEDT") whose time after the comma stays on
	 * one line (as {@code fragments/wrapping :: dateTime} writes one).
	 */
	private StringBuilder dateTime(String text) {
		int comma = text.indexOf(", ");
		if (comma < 0) {
			return escaped(text);
		}
		escaped(text.substring(0, comma + 2)).append("<span class=\"nowrap\">");
		return escaped(text.substring(comma + 2)).append("</span>");
	}

	private StringBuilder escaped(String text) {
		return escaped(this.html, text);
	}

	/** Appends the text (none for null) with the characters of HTML escaped. */
	private static StringBuilder escaped(StringBuilder html, String text) {
		if (text == null) {
			return html;
		}
		int plain = 0;
		while (plain < text.length() && "<>&\"'".indexOf(text.charAt(plain)) < 0) {
			plain++;
		}
		html.append(text, 0, plain);
		for (int i = plain; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
		return html;
	}

}
