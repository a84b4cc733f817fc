package com.videocall.admin.web;

import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Users list's search, status filter and page, carried through the URL so that
 * leaving a user's page returns to the list as it was (M5).
 */
public record UsersListState(String q, String status, Integer page) {

	public String search() {
		return (this.q != null) ? this.q : "";
	}

	public String statusValue() {
		return (this.status != null) ? this.status.toLowerCase(Locale.ROOT) : "all";
	}

	public int pageNumber() {
		return (this.page != null) ? this.page : 1;
	}

	/** The list's URL with this state, for links back to it. */
	public String listUrl() {
		return withState("/users");
	}

	/** The given path with this state appended as query parameters. */
	public String withState(String path) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (!search().isEmpty()) {
			builder.queryParam("q", search());
		}
		if (!"all".equals(statusValue())) {
			builder.queryParam("status", statusValue());
		}
		if (pageNumber() > 1) {
			builder.queryParam("page", pageNumber());
		}
		return builder.encode().build().toUriString();
	}

}
