package com.videocall.admin.worklist.web;

import java.io.PrintWriter;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.videocall.admin.directory.Role;
import com.videocall.admin.mail.EmailStatus;
import com.videocall.admin.worklist.PendingInvitationRow;

/**
 * Writes the Pending Invitations CSV (P4) one row at a time: RFC 4180 quoting, times in
 * ISO 8601 (UTC), and every cell a spreadsheet would read as a formula neutralised with a
 * leading apostrophe: one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return, also after white space or invisible characters that some
 * spreadsheets trim first (spaces, no-break spaces, zero-width spaces, a byte order
 * mark), and in their full-width forms ({@code ＝}, which some spreadsheets read as
 * {@code =}).
 */
final class PendingCsv {

	static final List<String> HEADER_CODES = List.of("list.name", "list.email", "list.roles", "pending.invited",
			"pending.invitedBy", "pending.lastReminder", "pending.linkExpires", "pending.delivery");

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final PrintWriter writer;

	private final Function<Role, String> roleLabels;

	private final Function<EmailStatus, String> deliveryLabels;

	PendingCsv(PrintWriter writer, Function<Role, String> roleLabels, Function<EmailStatus, String> deliveryLabels) {
		this.writer = writer;
		this.roleLabels = roleLabels;
		this.deliveryLabels = deliveryLabels;
	}

	void header(Function<String, String> messages) {
		line(HEADER_CODES.stream().map(messages).toList());
	}

	void row(PendingInvitationRow row) {
		String roles = row.roles()
			.stream()
			.map((role) -> this.roleLabels.apply(role.role()) + " (" + role.areaName() + ")")
			.collect(Collectors.joining("; "));
		line(List.of(row.displayName(), row.email(), roles, time(row.invitedAt()), nullToEmpty(row.invitedBy()),
				time(row.lastRemindedAt()), time(row.linkExpiresAt()), this.deliveryLabels.apply(row.delivery())));
	}

	private void line(List<String> cells) {
		this.writer.write(cells.stream().map(PendingCsv::cell).collect(Collectors.joining(",")));
		this.writer.write("\r\n");
	}

	/** One cell, quoted, with a formula neutralised. */
	static String cell(String value) {
		String text = nullToEmpty(value);
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

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
