package com.videocall.admin.directory;

import java.util.Map;
import java.util.Map;
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

	/**
	 * The area ids as a PostgreSQL array literal, for
	 * {@code area_id = any(cast(:areas as bigint[]))}.
	 */
	public String sqlArray() {
		return this.areaIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * The SQL condition "the area id in {@code column} is in scope", with the parameter
	 * {@code :areas} from {@link #sqlParameters()}. Written out per kind of scope rather
	 * than passed as a parameter, so that PostgreSQL plans each kind with its indexes.
	 */
	public String sqlCovers(String column) {
		return this.everything ? "true" : column + " = any(cast(:areas as bigint[]))";
	}

	public Map<String, Object> sqlParameters() {
		return Map.of("areas", sqlArray());
	}

}
