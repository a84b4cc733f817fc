package com.videocall.admin.invitation.web;

/**
 * What free text a form accepts, as patterns for {@code @Pattern} (X7). Control
 * characters are refused rather than dropped, so nothing is saved that the person did not
 * see.
 */
final class FormText {

	/** One line: no control characters, no line or paragraph separators. */
	static final String ONE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	/** Several lines: line breaks and tabs, but no other control characters. */
	static final String LINES = "[\\P{Cc}\\r\\n\\t]*";

	private FormText() {
	}

}
