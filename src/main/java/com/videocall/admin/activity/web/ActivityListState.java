package com.videocall.admin.activity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.videocall.admin.directory.SearchText;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Activity page's filters and position as the URL carries them (AC3), as they were
 * sent: {@link ActivityFilters} reads them and says what is wrong. The links built from
 * them (Older, Newer, an area, the CSV) are shown only when nothing is, so they carry
 * valid, short values; the form shows back what was sent, made printable and cut to a
 * search box's length.
 */
public record ActivityListState(String what, String who, String person, String area, String areaName, String from,
		String to, String before, String after) {

	public static final String PATH = "/activity";

	/**
	 * The state as the request's parameters give it; a parameter sent more than once has
	 * its values joined by commas, as data binding would join them. Read here rather than
	 * bound: binding a record reflects on it on every request, a twentieth of the page's
	 * cost (AC7, docs/performance.md "Activity at a million entries").
	 */
	static ActivityListState of(MultiValueMap<String, String> parameters) {
		return new ActivityListState(value(parameters, "what"), value(parameters, "who"), value(parameters, "person"),
				value(parameters, "area"), value(parameters, "areaName"), value(parameters, "from"),
				value(parameters, "to"), value(parameters, "before"), value(parameters, "after"));
	}

	private static String value(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values == null || values.isEmpty()) ? null : String.join(",", values);
	}

	/** The page with these filters, from the newest entries. */
	public String listUrl() {
		return withState(PATH);
	}

	/** The CSV of everything these filters match. */
	public String exportUrl() {
		return withState(PATH + "/export");
	}

	/** The entries older than this one, with these filters. */
	public String olderUrl(long id) {
		return UriComponentsBuilder.fromUriString(listUrl()).queryParam("before", id).toUriString();
	}

	/** The entries newer than this one, with these filters. */
	public String newerUrl(long id) {
		return UriComponentsBuilder.fromUriString(listUrl()).queryParam("after", id).toUriString();
	}

	/** The URLs of these filters but another area, from the newest entries. */
	LongFunction<String> areaUrls() {
		String others = new ActivityListState(this.what, this.who, this.person, null, null, this.from, this.to, null,
				null)
			.listUrl();
		String prefix = others + (others.contains("?") ? "&" : "?") + "area=";
		return (areaId) -> prefix + areaId;
	}

	public boolean isFiltered() {
		return !withState(PATH).equals(PATH);
	}

	/** Whether the page is one after or before another, rather than the newest. */
	public boolean isPaged() {
		return given(this.before) || given(this.after);
	}

	/** A value as the form shows it back. */
	public String shown(String value) {
		return SearchText.of(value);
	}

	/**
	 * The path with the filters given as query parameters; values are expanded into a
	 * template, which encodes everything but letters and digits.
	 */
	private String withState(String path) {
		Map<String, Object> values = new LinkedHashMap<>();
		put(values, "what", this.what);
		put(values, "who", this.who);
		put(values, "person", this.person);
		put(values, "area", this.area);
		if (!given(this.area)) {
			put(values, "areaName", this.areaName);
		}
		put(values, "from", this.from);
		put(values, "to", this.to);
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(values).toUriString();
	}

	private static void put(Map<String, Object> values, String name, String value) {
		if (given(value)) {
			values.put(name, value.strip());
		}
	}

	static boolean given(String value) {
		return value != null && !value.isBlank();
	}

}
