package com.videocall.admin.directory;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The areas an account administers: every area for a System Administrator; otherwise each
 * unit it is Organisation Administrator of with everything below it, and each waiting
 * area and meeting room it administers directly. Lists and lookups filter by it in SQL.
 */
public record AdministratorScope(long accountId, boolean everything, Set<Long> areaIds) {

	public AdministratorScope {
		areaIds = Set.copyOf(areaIds);
	}

	public boolean covers(long areaId) {
		return this.everything || this.areaIds.contains(areaId);
	}

	public boolean isAdministrator() {
		return this.everything || !this.areaIds.isEmpty();
	}

	/**
	 * The area ids as a PostgreSQL array literal, for
	 * {@code area_id = any(cast(:areas as bigint[]))}.
	 */
	public String sqlArray() {
		return this.areaIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
