package com.videocall.admin.worklist.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.videocall.admin.directory.SearchText;
import com.videocall.admin.web.Paging;
import com.videocall.admin.worklist.PendingFilter;
import com.videocall.admin.worklist.PendingQuery;
import com.videocall.admin.worklist.PendingSort;

import org.springframework.data.domain.Pageable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Pending Invitations list's search, filter, area, order and page, carried through
 * the URL and the forms so that the list comes back as it was after an action, "No" or
 * "Close" (P1, as M5). Whatever the URL held, what is carried is bounded: the search as
 * {@link SearchText}, a known filter and order, a positive area id and a page within the
 * pages there can be (X7). An area outside the administrator's scope simply matches
 * nothing.
 */
public record PendingListState(String q, String filter, Long area, String sort, Integer page) {

	public PendingListState {
		q = SearchText.of(q);
		filter = PendingFilter.parse(filter).urlValue();
		sort = PendingSort.parse(sort).urlValue();
		area = (area != null && area > 0) ? area : null;
		page = (page != null) ? Paging.pageNumber(page) : null;
	}

	public static final String PATH = "/pending-invitations";

	public String search() {
		return this.q;
	}

	public PendingFilter filterValue() {
		return PendingFilter.parse(this.filter);
	}

	public PendingSort sortValue() {
		return PendingSort.parse(this.sort);
	}

	public int pageNumber() {
		return (this.page != null) ? this.page : 1;
	}

	public Pageable pageable() {
		return Paging.page(pageNumber());
	}

	public PendingQuery query() {
		return new PendingQuery(this.q, filterValue(), this.area, sortValue());
	}

	public boolean isFiltered() {
		return !this.q.isEmpty() || filterValue() != PendingFilter.ALL || this.area != null;
	}

	/** The list's URL with this state. */
	public String listUrl() {
		return withState(PATH);
	}

	/** The list's URL with this state on another page (1: the first). */
	public String pageUrl(int number) {
		return new PendingListState(this.q, this.filter, this.area, this.sort, number).listUrl();
	}

	/**
	 * The list's URL with this state but another area (null: every area), from page 1.
	 */
	public String areaUrl(Long areaId) {
		return new PendingListState(this.q, this.filter, areaId, this.sort, null).listUrl();
	}

	/** The list's URL with this state in another order, from page 1. */
	public String sortUrl(String sortValue) {
		return new PendingListState(this.q, this.filter, this.area, sortValue, null).listUrl();
	}

	/**
	 * The given path with this state as query parameters; values are expanded into a
	 * template, which encodes everything but letters and digits.
	 */
	public String withState(String path) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (!this.q.isEmpty()) {
			values.put("q", this.q);
		}
		if (filterValue() != PendingFilter.ALL) {
			values.put("filter", this.filter);
		}
		if (this.area != null) {
			values.put("area", this.area);
		}
		if (sortValue() != PendingSort.INVITED) {
			values.put("sort", this.sort);
		}
		if (pageNumber() > 1) {
			values.put("page", pageNumber());
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(values).toUriString();
	}

}
