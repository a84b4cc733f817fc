package com.videocall.admin.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation shown at the top of the next page after a state change. It travels as
 * a flash attribute (Post/Redirect/Get) and holds message keys with arguments, never
 * finished text; a banner may have several lines (e.g. the summary of Add Users), and one
 * action, a button that posts a form (e.g. "Undo" after a removal, UN).
 */
public record Banner(Kind kind, List<Line> lines, Action action) implements Serializable {

	public Banner(Kind kind, List<Line> lines) {
		this(kind, lines, null);
	}

	public static final String ATTRIBUTE = "banner";

	public enum Kind {

		SUCCESS, INFORMATION, ERROR;

		public boolean isError() {
			return this == ERROR;
		}

	}

	/** One sentence of a banner: a message key and its arguments, as text. */
	public record Line(String code, List<String> arguments) implements Serializable {

		public Object[] argumentArray() {
			return this.arguments.toArray();
		}

	}

	/**
	 * A button in the banner that posts to {@code url} (with the CSRF token), sending
	 * {@code back}, the page to return to; {@code hint}, if any, is shown beside it.
	 */
	public record Action(String url, String labelCode, String back, Line hint) implements Serializable {
	}

	public static Banner of(Kind kind, String code, Object... arguments) {
		return new Banner(kind, List.of(line(code, arguments)));
	}

	public static void flash(RedirectAttributes attributes, Kind kind, String code, Object... arguments) {
		attributes.addFlashAttribute(ATTRIBUTE, of(kind, code, arguments));
	}

	public Banner and(String code, Object... arguments) {
		List<Line> more = new ArrayList<>(this.lines);
		more.add(line(code, arguments));
		return new Banner(this.kind, List.copyOf(more), this.action);
	}

	public Banner withAction(String url, String labelCode, String back, String hintCode, Object... hintArguments) {
		return new Banner(this.kind, this.lines, new Action(url, labelCode, back, line(hintCode, hintArguments)));
	}

	public void flash(RedirectAttributes attributes) {
		attributes.addFlashAttribute(ATTRIBUTE, this);
	}

	/**
	 * Keeps the banner for the page at {@code path}, for a redirect sent outside a
	 * controller (by a handler of Spring Security's, before Spring MVC runs).
	 */
	public void flash(String path, FlashMapManager flashMaps, HttpServletRequest request,
			HttpServletResponse response) {
		FlashMap flashMap = new FlashMap();
		flashMap.put(ATTRIBUTE, this);
		flashMap.setTargetRequestPath(request.getContextPath() + path);
		flashMaps.saveOutputFlashMap(flashMap, request, response);
	}

	private static Line line(String code, Object[] arguments) {
		List<String> text = new ArrayList<>();
		for (Object argument : arguments) {
			text.add(String.valueOf(argument));
		}
		return new Line(code, List.copyOf(text));
	}

}
