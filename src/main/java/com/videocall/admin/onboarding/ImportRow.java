package com.videocall.admin.onboarding;

/**
 * One row of an imported file, its cells as typed (without surrounding spaces; empty when
 * the file has no such cell), and the row's number as a spreadsheet shows it (the header
 * is row 1).
 */
public record ImportRow(int line, String email, String name, String area, String roles, String accessUntil,
		String message) {
}
