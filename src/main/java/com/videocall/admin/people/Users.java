package com.videocall.admin.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.SearchText;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Users list (U1): every account with a role or a pending invited role in scope. One
 * statement for the page and one for the count, whatever the page size or roles per
 * person. A limited scope starts from its areas' roles; a System Administrator's list
 * reads the accounts marked {@code listed} (kept by triggers, V3) in list order
 * (UsersListBenchmark measures both).
 */
@Service
public class Users {

	/**
	 * Accounts with a role or pending invited role in scope; {@code %s} is the scope
	 * condition.
	 */
	private static final String VISIBLE = """
			with visible(account_id) as (
			    select g.account_id from role_grant g where %s
			    union
			    select i.account_id from invited_role r
			    join invitation i on i.id = r.invitation_id and i.status = 'PENDING' where %s
			)
			""";

	private static final String COLUMNS = """
			select a.id, a.email, coalesce(a.full_name, a.email) as display_name, a.status,
			       (select max(r.invited_at) from invitation i join invited_role r on r.invitation_id = i.id
			        where i.account_id = a.id and i.status = 'PENDING' and %s) as invited_at
			""";

	private static final String ORDER = " order by lower(coalesce(a.full_name, a.email)), a.id limit :limit offset :offset";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<UserRow> find(AdministratorScope scope, String search, StatusFilter status, Pageable pageable) {
		String filters = filters(search, status);
		String columns = COLUMNS.formatted(scope.sqlCovers("r.area_id"));
		String page = scope.everything() ? columns + "from account a where a.listed" + filters + ORDER : visible(scope)
				+ columns + "from visible v join account a on a.id = v.account_id where true" + filters + ORDER;
		List<UserRow> rows = this.jdbc.sql(page)
			.params(parameters(scope, search, status))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Users::row)
			.list();
		String count = scope.everything() ? "select count(*) from account a where a.listed" + filters : visible(scope)
				+ "select count(*) from visible v join account a on a.id = v.account_id where true" + filters;
		long total = this.jdbc.sql(count).params(parameters(scope, search, status)).query(Long.class).single();
		return new PageImpl<>(rows, pageable, total);
	}

	private static String visible(AdministratorScope scope) {
		return VISIBLE.formatted(scope.sqlCovers("g.area_id"), scope.sqlCovers("r.area_id"));
	}

	/** Only the conditions asked for, so an empty search costs nothing. */
	private static String filters(String search, StatusFilter status) {
		String filters = "";
		if (!search.isBlank()) {
			filters += " and (lower(a.email) like :pattern or lower(a.full_name) like :pattern)";
		}
		if (status != StatusFilter.ALL) {
			filters += " and a.status = :status";
		}
		return filters;
	}

	private static Map<String, Object> parameters(AdministratorScope scope, String search, StatusFilter status) {
		Map<String, Object> parameters = new HashMap<>(scope.sqlParameters());
		parameters.put("pattern", SearchText.containsPattern(search));
		parameters.put("status", status.name());
		return parameters;
	}

	private static UserRow row(ResultSet rs, int row) throws SQLException {
		return new UserRow(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
				AccountStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("invited_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
