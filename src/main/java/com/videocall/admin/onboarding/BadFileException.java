package com.videocall.admin.onboarding;

/**
 * An uploaded file that cannot be imported at all (IM4): the message key of what is wrong
 * and its arguments. Nothing was stored.
 */
public class BadFileException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	BadFileException(String code, Object... arguments) {
		super(code, null, false, false);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
