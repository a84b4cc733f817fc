package com.videocall.admin.activity.web;

import java.util.function.LongFunction;

import com.videocall.admin.activity.ActivityPage;
import com.videocall.admin.activity.ActivityRow;
import com.videocall.admin.activity.ActivityRow.AreaInScope;
import com.videocall.admin.web.RelativeTime;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The rows of an Activity page as HTML, every text escaped. Written here rather than by
 * Thymeleaf: 50 rows of a dozen expressions each cost the page most of its rate (AC7,
 * docs/performance.md "What a list pays for"), and these rows are one expression of the
 * template.
 */
final class ActivityRowsHtml {

	private final ActivityWords words;

	private final RelativeTime times;

	private final LongFunction<String> areaUrls;

	ActivityRowsHtml(ActivityWords words, RelativeTime times, LongFunction<String> areaUrls) {
		this.words = words;
		this.times = times;
		this.areaUrls = areaUrls;
	}

	String of(ActivityPage page) {
		StringBuilder html = new StringBuilder(page.rows().size() * 900);
		String when = escape(this.words.label("activity.when", null));
		String who = escape(this.words.label("activity.who", null));
		String what = escape(this.words.label("activity.what", null));
		String person = escape(this.words.label("activity.person", null));
		String areas = escape(this.words.label("activity.areas", null));
		String source = escape(this.words.label("activity.page", null));
		for (ActivityRow row : page.rows()) {
			html.append("<tr id=\"entry-")
				.append(row.id())
				.append("\"><td data-label=\"")
				.append(when)
				.append("\"><time datetime=\"")
				.append(row.at());
			html.append("\">").append(escape(this.times.dateTime(row.at()))).append("</time></td>");
			cell(html, who, escape(this.words.who(row)));
			cell(html, what, escape(this.words.what(row)));
			cell(html, person, (row.personEmail() != null)
					? link("/users?q=" + query(row.personEmail()), escape(row.personEmail()), null) : "");
			html.append("<td data-label=\"").append(areas).append("\">");
			if (!row.areas().isEmpty()) {
				html.append("<ul class=\"plain\">");
				for (AreaInScope area : row.areas()) {
					html.append("<li>")
						.append(link(this.areaUrls.apply(area.id()), escape(area.name()),
								escape(this.words.format("activity.onlyArea", area.name()))));
					if (!area.roles().isEmpty()) {
						html.append(' ').append(escape(this.words.format("activity.roles", this.words.roles(area))));
					}
					html.append("</li>");
				}
				html.append("</ul>");
			}
			html.append("</td>");
			cell(html, source, (row.sourcePage() != null) ? escape(row.sourcePage()) : "");
			html.append("</tr>\n");
		}
		return html.toString();
	}

	private static void cell(StringBuilder html, String label, String content) {
		html.append("<td data-label=\"").append(label).append("\">").append(content).append("</td>");
	}

	private static String link(String href, String text, String title) {
		return "<a href=\"" + escape(href) + "\"" + ((title != null) ? " title=\"" + title + "\"" : "") + ">" + text
				+ "</a>";
	}

	private static String query(String value) {
		return UriUtils.encodeQueryParam(value, "UTF-8");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
