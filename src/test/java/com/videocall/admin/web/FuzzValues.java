package com.videocall.admin.web;

import java.util.List;
import java.util.Map;
import java.util.Random;

import com.videocall.admin.web.FuzzRoutes.Kind;

/**
 * Malformed values for each kind of parameter, as they go on the wire: already
 * percent-encoded, or deliberately not quite (a lone {@code %}, invalid UTF-8, raw
 * braces). {@value #OMIT} leaves the parameter out; {@value #MISSING} stands for an id
 * that no record has, so that a malformed number never parses to an existing id and a
 * POST never touches the demo organisation.
 */
final class FuzzValues {

	static final String OMIT = "<omit>";

	static final String MISSING = "<missing>";

	private static final List<String> TEXT = List.of(OMIT, "", "%20", "%00", "a%00b", "%01%02%03%04", "%09tab",
			"line%0D%0Abreak", "%0A", "%1B%5B2J", "%7F", "%C2%85", "%E2%80%A8", "%E2%80%AE", "%C0", "%C3%28", "%FF%FE",
			"%ED%A0%80", "%", "%G1", "%2", "%7Bx%7D", "%7B0%7D", "%7D%7B", "{x}", "a|b", "%24%7B7*7%7D", "%23%7B7*7%7D",
			"*%7Bx%7D", "__%24%7Bx%7D__", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%27%3E%3Cb%3Ex%3C%2Fb%3E",
			"%27%3B--", "%25", "a+b", "%2B", "%26x%3Dy", "%5C", "..%2F..%2Fetc", "%F0%9F%98%80", "x".repeat(2_000),
			"%7B".repeat(2_000), "x".repeat(10_000), "%C3%A9".repeat(3_000), "%00".repeat(1_000));

	private static final List<String> NUMBER = List.of(OMIT, "", "%20", "-1", "0", "-0", "-9223372036854775808",
			"9223372036854775807", "9223372036854775808", "99999999999999999999", "1e3", "1.5", "abc", "NaN", MISSING,
			"%20" + MISSING, MISSING + "%00", "%00", "%C0", "%7Bid%7D", "{id}", "%D9%A1".repeat(12), "%2B" + MISSING,
			"0" + MISSING, "9".repeat(5_000), "%");

	private static final List<String> BOOLEAN = List.of(OMIT, "", "yes", "maybe", "%00", "1", "TRUE", "on%00", "%C0");

	private static final List<String> ROLE = List.of(OMIT, "", "%20", "%09", "%00", "KING", "service_provider",
			"SERVICE_PROVIDER%00", "%7Bx%7D", "ORGANISATION_ADMINISTRATOR", "%C0", "x".repeat(10_000));

	private static final List<String> TOKEN = List.of("x", "ZZZ", "A".repeat(43), "A".repeat(44), "A".repeat(5_000),
			"%00", "%C0", "%7Bx%7D", "%2F", "%2E%2E", "a%20b", "a;b", "%25", "%E2%80%AE", "%3Cb%3E", "-", "_",
			"%7B" + "A".repeat(41) + "%7D");

	private static final List<String> AREA_KIND = List.of("users", "%00", "%7Bx%7D", "WAITING-AREAS",
			"waiting-areas%00", "..", "%C0", "x".repeat(3_000));

	/**
	 * Where to go back to: too long for a redirect's headers (Tomcat's limit is 8 KB),
	 * elsewhere, or not quite a path.
	 */
	static final List<String> REDIRECT = List.of("%2F" + "a".repeat(10_000), "%2F" + "a".repeat(7_500),
			"%2Fusers%3Fq%3D" + "%25C3%25A9".repeat(700), "%2F%2Fevil.example", "https%3A%2F%2Fevil.example%2F",
			"%2F%5Cevil.example", "%2Fusers%0D%0ALocation%3A%20x", "%2Fusers%7Bx%7D", "%2F%00", "", OMIT);

	private static final Map<Kind, List<String>> BY_KIND = Map.of(Kind.TEXT, TEXT, Kind.NUMBER, NUMBER, Kind.BOOLEAN,
			BOOLEAN, Kind.ROLE, ROLE, Kind.TOKEN, TOKEN, Kind.AREA_KIND, AREA_KIND, Kind.REDIRECT, REDIRECT);

	private FuzzValues() {
	}

	/** A malformed value for the kind, chosen by the seeded random. */
	static String malformed(Kind kind, Random random) {
		List<String> values = BY_KIND.get(kind);
		return values.get(random.nextInt(values.size()));
	}

	/** How many malformed values there are in all. */
	static int count() {
		return BY_KIND.values().stream().mapToInt(List::size).sum();
	}

}
