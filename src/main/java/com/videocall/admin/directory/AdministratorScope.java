package com.videocall.admin.directory;

import java.util.Map;
import java.util.Set;

/**
 * The areas an account administers: every area for a System Administrator (then
 * {@link #areaIds()} is empty); otherwise each unit it is Organisation Administrator of
 * with everything below it, and each waiting area and meeting room it administers
 * directly. Lists and lookups filter by it in SQL.
 * <p>
 * In SQL the scope has one form: queries write the condition
 * {@code (:everything or <area id column> = any(:areas))} and bind
 * {@link #sqlParameters()}, where {@code :areas} is a real {@code bigint[]} parameter.
 * Where the planner needs a different statement for "every area" (the Users list reads a
 * partial index then), the read model chooses it by {@link #everything()}.
 */
public record AdministratorScope(long accountId, boolean everything, Set<Long> areaIds) {

	public AdministratorScope {
		areaIds = Set.copyOf(areaIds);
	}

	public boolean covers(long areaId) {
		return this.everything || this.areaIds.contains(areaId);
	}

	/**
	 * The values of {@code :everything} (boolean) and {@code :areas} (a {@code Long[]},
	 * which PostgreSQL's driver binds as {@code bigint[]}).
	 */
	public Map<String, Object> sqlParameters() {
		return Map.of("everything", this.everything, "areas", this.areaIds.toArray(Long[]::new));
	}

}
