package com.videocall.admin.activity.web;

import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The options of one of the Activity page's lists as HTML, every text escaped, the one
 * sent chosen: one expression of the template where Thymeleaf would evaluate three per
 * option (AC7, see {@link ActivityRowsHtml}).
 */
final class OptionsHtml {

	private OptionsHtml() {
	}

	/** The options, value to label in order, after one for none. */
	static String of(String none, Map<String, String> options, String chosen) {
		StringBuilder html = new StringBuilder(64 * (options.size() + 1));
		option(html, "", none, false);
		String sent = (chosen != null) ? chosen.strip() : "";
		options.forEach((value, label) -> option(html, value, label, value.equals(sent)));
		return html.toString();
	}

	private static void option(StringBuilder html, String value, String label, boolean chosen) {
		html.append("<option value=\"")
			.append(HtmlUtils.htmlEscape(value, "UTF-8"))
			.append(chosen ? "\" selected>" : "\">")
			.append(HtmlUtils.htmlEscape(label, "UTF-8"))
			.append("</option>");
	}

}
