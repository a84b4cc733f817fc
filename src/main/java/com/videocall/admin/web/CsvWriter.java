package com.videocall.admin.web;

import java.io.PrintWriter;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a CSV export one line at a time by the rules of P4, which every export follows:
 * RFC 4180 quoting of every cell, and every cell a spreadsheet would read as a formula
 * neutralised with a leading apostrophe: one starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, also after white space or invisible
 * characters that some spreadsheets trim first (spaces, no-break spaces, zero-width
 * spaces, a byte order mark), and in their full-width forms ({@code ＝}, which some
 * spreadsheets read as {@code =}).
 */
public final class CsvWriter {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final PrintWriter writer;

	public CsvWriter(PrintWriter writer) {
		this.writer = writer;
	}

	/** One line of cells (null: empty). */
	public void line(List<String> cells) {
		this.writer.write(cells.stream().map(CsvWriter::cell).collect(Collectors.joining(",")));
		this.writer.write("\r\n");
	}

	/** One cell, quoted, with a formula neutralised. */
	public static String cell(String value) {
		String text = (value != null) ? value : "";
		if (startsLikeAFormula(text)) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static boolean startsLikeAFormula(String text) {
		int start = 0;
		while (start < text.length() && trimmed(text.charAt(start))) {
			if (text.charAt(start) == '\t' || text.charAt(start) == '\r') {
				return true;
			}
			start++;
		}
		if (start == text.length()) {
			return false;
		}
		String first = Normalizer.normalize(text.substring(start, text.offsetByCodePoints(start, 1)),
				Normalizer.Form.NFKC);
		return !first.isEmpty() && FORMULA_STARTS.indexOf(first.charAt(0)) >= 0;
	}

	/** White space or an invisible character (zero-width space, byte order mark …). */
	private static boolean trimmed(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
				|| Character.getType(c) == Character.CONTROL;
	}

}
