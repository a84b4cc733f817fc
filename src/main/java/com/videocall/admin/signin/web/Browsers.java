package com.videocall.admin.signin.web;

import java.util.List;
import java.util.Map;

/**
 * A browser as a person recognises it ("Firefox on Windows"), from the User-Agent header
 * kept when the session signed in. Only the common browsers and systems are named; the
 * rest read "Another browser" or "another system". The order matters: Edge's header also
 * says Chrome and Safari, Chrome's says Safari.
 */
final class Browsers {

	private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg/", "Edge"),
			Map.entry("Firefox/", "Firefox"), Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"));

	private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Windows", "Windows"),
			Map.entry("iPhone", "iPhone"), Map.entry("iPad", "iPad"), Map.entry("Android", "Android"),
			Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));

	private Browsers() {
	}

	static String label(String userAgent) {
		String agent = (userAgent != null) ? userAgent : "";
		return name(BROWSERS, agent, "Another browser") + " on " + name(SYSTEMS, agent, "another system");
	}

	private static String name(List<Map.Entry<String, String>> known, String agent, String otherwise) {
		return known.stream()
			.filter((entry) -> agent.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(otherwise);
	}

}
