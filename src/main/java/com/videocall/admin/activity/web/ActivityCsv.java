package com.videocall.admin.activity.web;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.videocall.admin.activity.ActivityRow;
import com.videocall.admin.web.CsvWriter;

/**
 * Writes the Activity CSV (AC3) one row at a time by the rules of P4 ({@link CsvWriter}):
 * the columns of the page, the kind and its detail apart, times in ISO 8601 (UTC), the
 * areas in scope with their roles separated by semicolons.
 */
final class ActivityCsv {

	static final List<String> HEADER_CODES = List.of("activity.when", "activity.who", "activity.what",
			"activity.detail", "activity.person", "activity.areas", "activity.page");

	private final CsvWriter csv;

	private final ActivityWords words;

	ActivityCsv(PrintWriter writer, ActivityWords words) {
		this.csv = new CsvWriter(writer);
		this.words = words;
	}

	void header() {
		this.csv.line(HEADER_CODES.stream().map((code) -> this.words.label(code, null)).toList());
	}

	void row(ActivityRow row) {
		String areas = row.areas().stream().map(this.words::area).collect(Collectors.joining("; "));
		this.csv.line(Arrays.asList(row.at().toString(), this.words.who(row), this.words.kind(row), row.detail(),
				this.words.person(row), areas, row.sourcePage()));
	}

}
