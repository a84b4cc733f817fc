package com.videocall.admin.web;

/**
 * What free text a form accepts, as patterns for {@code @Pattern} (X7). Control
 * characters are refused rather than dropped, so nothing is saved that the person did not
 * see. Used by the forms of every module.
 */
public final class FormText {

	/** One line: no control characters, no line or paragraph separators. */
	public static final String ONE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	/** Several lines: line breaks and tabs, but no other control characters. */
	public static final String LINES = "[\\P{Cc}\\r\\n\\t]*";

	private FormText() {
	}

}
