package com.videocall.admin.people.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.videocall.admin.directory.SearchText;
import com.videocall.admin.people.ListPosition;
import com.videocall.admin.web.Paging;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Users list's search, status filter and page, carried through the URL so that
 * leaving a user's page returns to the list as it was (M5). "Next" and "Previous" also
 * name the row the page follows ({@code after}) or precedes ({@code before}), so that a
 * deep page is read from there (see {@link ListPosition}). Whatever the URL held, what is
 * carried is bounded: the search as {@link SearchText}, a status only if it is a word, a
 * page within the pages there can be, a row id only if positive, and one of the two (X7).
 */
public record UsersListState(String q, String status, Integer page, Long after, Long before) {

	private static final Pattern STATUS = Pattern.compile("[A-Za-z]{1,20}");

	public UsersListState {
		q = SearchText.of(q);
		status = (status != null && STATUS.matcher(status).matches()) ? status : null;
		page = (page != null) ? Paging.pageNumber(page) : null;
		after = (after != null && after > 0) ? after : null;
		before = (after == null && before != null && before > 0) ? before : null;
	}

	public String search() {
		return this.q;
	}

	public String statusValue() {
		return (this.status != null) ? this.status.toLowerCase(Locale.ROOT) : "all";
	}

	public int pageNumber() {
		return (this.page != null) ? this.page : 1;
	}

	/** Where the list's page is: its number, and the row it follows or precedes. */
	public ListPosition position() {
		return new ListPosition(Paging.page(pageNumber()), this.after, this.before);
	}

	/** The list's URL with this state, for links back to it. */
	public String listUrl() {
		return withState("/users");
	}

	/**
	 * The given path with this state appended as query parameters. The values are
	 * expanded into a template, which encodes everything but letters and digits: a brace,
	 * plus sign or ampersand in a search stays text.
	 */
	public String withState(String path) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (!search().isEmpty()) {
			values.put("q", search());
		}
		if (!"all".equals(statusValue())) {
			values.put("status", statusValue());
		}
		if (pageNumber() > 1) {
			values.put("page", pageNumber());
		}
		if (this.after != null) {
			values.put("after", this.after);
		}
		if (this.before != null) {
			values.put("before", this.before);
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(values).toUriString();
	}

}
