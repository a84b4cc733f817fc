package com.videocall.admin.web;

import java.io.Serializable;
import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation shown at the top of the next page after a state change. It travels as
 * a flash attribute (Post/Redirect/Get) and holds a message key, never finished text.
 */
public record Banner(Kind kind, String code, List<String> arguments) implements Serializable {

	public static final String ATTRIBUTE = "banner";

	public enum Kind {

		SUCCESS, INFORMATION, ERROR;

		public boolean isError() {
			return this == ERROR;
		}

	}

	public static void flash(RedirectAttributes attributes, Kind kind, String code, Object... arguments) {
		attributes.addFlashAttribute(ATTRIBUTE, new Banner(kind, code, List.of(asText(arguments))));
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

	private static String[] asText(Object[] arguments) {
		String[] text = new String[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			text[i] = String.valueOf(arguments[i]);
		}
		return text;
	}

}
