package com.videocall.admin.onboarding.web;

import java.util.List;
import java.util.Locale;

import com.videocall.admin.onboarding.StoredRow;

import org.springframework.context.MessageSource;

/**
 * The lines of "Download results" (IM3): the row's number and cells as they were in the
 * file, its outcome, and whether it changed since the preview. Written by
 * {@code web.CsvWriter}, which neutralises formulas (P4).
 */
final class ResultLines {

	private final MessageSource messages;

	private final Locale locale;

	ResultLines(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	List<String> header() {
		return List.of("row", "email", "name", "area", "roles", "access until", "message", "outcome",
				"changed since the preview");
	}

	List<String> of(StoredRow stored) {
		var row = stored.row();
		String outcome = text(((stored.result() != null) ? stored.result() : stored.planned()).labelCode());
		String changed = stored.changed() ? text("import.changedFrom", text(stored.planned().labelCode())) : "";
		return List.of(String.valueOf(row.line()), row.email(), row.name(), row.area(), row.roles(), row.accessUntil(),
				row.message(), outcome, changed);
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, this.locale);
	}

}
