package com.videocall.admin.onboarding;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV files for Import Users' tests, as a spreadsheet would save them. */
final class ImportFiles {

	static final String HEADER = "email,name,area,roles,access until,message";

	private ImportFiles() {
	}

	/** A comma-separated file with LF line ends: the header and the given lines. */
	static byte[] csv(String... lines) {
		return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** One line of cells, each quoted. */
	static String row(String... cells) {
		return String.join(",", List.of(cells).stream().map((c) -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
	}

}
