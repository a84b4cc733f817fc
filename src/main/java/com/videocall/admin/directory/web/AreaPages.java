package com.videocall.admin.directory.web;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.web.NotFoundException;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The area an action's URL names, looked up within the signed-in administrator's scope.
 * Offered to the area actions of other modules (Add Users, an area's "Resend Invitation"
 * and "Cancel Invitation") as the named interface {@code areas}.
 */
@Component
@NamedInterface("areas")
public class AreaPages {

	/** URL prefix of an area's actions: its kind's path segment and its id. */
	public static final String AREA = "/{kind:organisational-units|waiting-areas|meeting-rooms}/{areaId}";

	private final Areas areas;

	AreaPages(Areas areas) {
		this.areas = areas;
	}

	public AreaSummary area(AdministratorScope scope, String kindPath, long areaId) {
		return this.areas.get(scope, kind(kindPath), areaId);
	}

	/**
	 * The area's people list, where the action menu's actions come from and return to,
	 * with its name filter as the search box holds it, encoded as a template value (a
	 * brace stays text).
	 */
	public static String peopleUrl(AreaSummary area, String name) {
		String search = SearchText.of(name);
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(area.kind().peoplePath(area.id()));
		if (search.isEmpty()) {
			return url.build().toUriString();
		}
		return url.queryParam("name", "{name}").encode().buildAndExpand(search).toUriString();
	}

	private static AreaKind kind(String path) {
		for (AreaKind kind : AreaKind.values()) {
			if (kind.path().equals(path)) {
				return kind;
			}
		}
		throw new NotFoundException(path);
	}

}
