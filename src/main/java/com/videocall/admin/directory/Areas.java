package com.videocall.admin.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.web.SecurityLog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read model of the areas an administrator may see, paged and searched in PostgreSQL. */
@Service
public class Areas {

	private static final String COLUMNS = "select a.id, a.kind, a.name, p.name as parent_name "
			+ "from area a left join area p on p.id = a.parent_id ";

	private static final String EVERY_AREA = "true";

	private static final String AREAS_LISTED = "a.id = any(:areas)";

	private final JdbcClient jdbc;

	private final SecurityLog securityLog;

	Areas(JdbcClient jdbc, SecurityLog securityLog) {
		this.jdbc = jdbc;
		this.securityLog = securityLog;
	}

	public Page<AreaSummary> list(AdministratorScope scope, AreaKind kind, String search, Pageable pageable) {
		List<AreaSummary> rows = this.jdbc
			.sql(COLUMNS + matching(scope) + "order by lower(a.name), a.id limit " + pageable.getPageSize() + " offset "
					+ pageable.getOffset())
			.params(scopeParameters(scope, kind, search))
			.query(Areas::summary)
			.list();
		long total = this.jdbc.sql("select count(*) from area a " + matching(scope))
			.params(scopeParameters(scope, kind, search))
			.query(Long.class)
			.single();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The areas of a kind in scope whose names match the search. */
	private static String matching(AdministratorScope scope) {
		return " where a.kind = :kind and lower(a.name) like :pattern and " + inScope(scope) + " ";
	}

	/**
	 * The scope's condition on the area {@code a}, one statement for every area and one
	 * for the areas listed (decision 5): with
	 * {@code (:everything or a.id = any(:areas))}, the plan PostgreSQL kept for any scope
	 * tested the condition on every area, 3,314 in the synthetic organisation
	 * (ScopePlanIntegrationTests).
	 */
	private static String inScope(AdministratorScope scope) {
		return scope.everything() ? EVERY_AREA : AREAS_LISTED;
	}

	/** How many areas of each kind the administrator may see, in one statement. */
	public Map<AreaKind, Long> countByKind(AdministratorScope scope) {
		Map<AreaKind, Long> counts = new EnumMap<>(AreaKind.class);
		for (AreaKind kind : AreaKind.values()) {
			counts.put(kind, 0L);
		}
		this.jdbc.sql("select a.kind, count(*) from area a where " + inScope(scope) + " group by a.kind")
			.params(scope.sqlParameters())
			.query((rs) -> {
				counts.put(AreaKind.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * The area, if it exists and the administrator may see it; otherwise the same 404
	 * either way (one outside the scope is a line in the security log, X1).
	 */
	public AreaSummary get(AdministratorScope scope, AreaKind kind, long id) {
		AreaSummary area = this.jdbc.sql(COLUMNS + "where a.id = :id and a.kind = :kind")
			.param("id", id)
			.param("kind", kind.name())
			.query(Areas::summary)
			.optional()
			.orElseThrow(() -> new AreaNotFoundException(kind + " " + id));
		if (!scope.covers(id)) {
			this.securityLog.outOfScope(scope.accountId(), kind + " " + id);
			throw new AreaNotFoundException(kind + " " + id);
		}
		return area;
	}

	/**
	 * The area, of whatever kind, if it exists and the administrator may see it;
	 * otherwise the same 404 as {@link #get(AdministratorScope, AreaKind, long)}.
	 */
	public AreaSummary get(AdministratorScope scope, long id) {
		AreaSummary area = this.jdbc.sql(COLUMNS + "where a.id = :id")
			.param("id", id)
			.query(Areas::summary)
			.optional()
			.orElseThrow(() -> new AreaNotFoundException("area " + id));
		if (!scope.covers(id)) {
			this.securityLog.outOfScope(scope.accountId(), "area " + id);
			throw new AreaNotFoundException("area " + id);
		}
		return area;
	}

	/**
	 * Up to {@code limit} areas of every kind in scope whose name contains the search
	 * text, by name.
	 */
	public List<AreaSummary> find(AdministratorScope scope, String search, int limit) {
		return this.jdbc
			.sql(COLUMNS + "where lower(a.name) like :pattern and (:everything or a.id = any(:areas)) "
					+ "order by lower(a.name), a.id limit :limit")
			.params(scope.sqlParameters())
			.param("pattern", SearchText.containsPattern(search))
			.param("limit", limit)
			.query(Areas::summary)
			.list();
	}

	/**
	 * The areas of every kind in scope whose name is one of {@code names} (in lower case)
	 * or whose id is one of {@code ids}, in one statement: how Import Users' rows name
	 * their areas (IM1). Areas outside scope are not read, so nothing tells them from
	 * missing ones.
	 */
	public List<AreaSummary> named(AdministratorScope scope, Collection<String> names, Collection<Long> ids) {
		return this.jdbc
			.sql(COLUMNS + "where ((a.kind = any(:kinds) and lower(a.name) = any(:names)) or a.id = any(:ids)) "
					+ "and (:everything or a.id = any(:areas))")
			.params(scope.sqlParameters())
			.param("names", names.toArray(String[]::new))
			.param("ids", ids.toArray(Long[]::new))
			// Every kind, named so that the index area_kind_name answers.
			.param("kinds", Arrays.stream(AreaKind.values()).map(AreaKind::name).toArray(String[]::new))
			.query(Areas::summary)
			.list();
	}

	private static Map<String, Object> scopeParameters(AdministratorScope scope, AreaKind kind, String search) {
		Map<String, Object> parameters = new HashMap<>(scope.sqlParameters());
		parameters.put("kind", kind.name());
		parameters.put("pattern", SearchText.containsPattern(search));
		return parameters;
	}

	private static AreaSummary summary(ResultSet rs, int row) throws SQLException {
		return new AreaSummary(rs.getLong("id"), AreaKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("parent_name"));
	}

}
