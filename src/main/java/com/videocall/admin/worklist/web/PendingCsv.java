package com.videocall.admin.worklist.web;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.videocall.admin.directory.Role;
import com.videocall.admin.mail.EmailStatus;
import com.videocall.admin.web.CsvWriter;
import com.videocall.admin.worklist.PendingInvitationRow;

/**
 * Writes the Pending Invitations CSV (P4) one row at a time, by the rules of every export
 * ({@link CsvWriter}: quoting, formulas neutralised), with times in ISO 8601 (UTC).
 */
final class PendingCsv {

	static final List<String> HEADER_CODES = List.of("list.name", "list.email", "list.roles", "pending.invited",
			"pending.invitedBy", "pending.lastReminder", "pending.linkExpires", "pending.delivery");

	private final CsvWriter csv;

	private final Function<Role, String> roleLabels;

	private final Function<EmailStatus, String> deliveryLabels;

	PendingCsv(PrintWriter writer, Function<Role, String> roleLabels, Function<EmailStatus, String> deliveryLabels) {
		this.csv = new CsvWriter(writer);
		this.roleLabels = roleLabels;
		this.deliveryLabels = deliveryLabels;
	}

	void header(Function<String, String> messages) {
		this.csv.line(HEADER_CODES.stream().map(messages).toList());
	}

	void row(PendingInvitationRow row) {
		String roles = row.roles()
			.stream()
			.map((role) -> this.roleLabels.apply(role.role()) + " (" + role.areaName() + ")")
			.collect(Collectors.joining("; "));
		this.csv.line(Arrays.asList(row.displayName(), row.email(), roles, time(row.invitedAt()), row.invitedBy(),
				time(row.lastRemindedAt()), time(row.linkExpiresAt()), this.deliveryLabels.apply(row.delivery())));
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
