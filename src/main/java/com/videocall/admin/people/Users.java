package com.videocall.admin.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.web.Paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Users list (U1): every account with a role or a pending invited role in scope. One
 * statement for the page and one for the count, whatever the page size or roles per
 * person.
 */
@Service
public class Users {

	private static final String IN_SCOPE = """
			from account a
			left join invitation i on i.account_id = a.id and i.status = 'PENDING'
			where (exists (select 1 from role_grant g where g.account_id = a.id and %s)
			    or exists (select 1 from invited_role r where r.invitation_id = i.id and %s))
			  and (lower(a.email) like :pattern or lower(a.full_name) like :pattern)
			  and (:status = 'ALL' or a.status = :status)
			""".formatted(ScopeSql.covers("g.area_id"), ScopeSql.covers("r.area_id"));

	private static final String PAGE = """
			select a.id, a.email, a.full_name, a.status,
			       (select max(r.invited_at) from invited_role r where r.invitation_id = i.id and %s) as invited_at
			%s
			order by lower(coalesce(a.full_name, a.email)), a.id
			limit :limit offset :offset
			""".formatted(ScopeSql.covers("r.area_id"), IN_SCOPE);

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<UserRow> find(AdministratorScope scope, String search, StatusFilter status, Pageable pageable) {
		List<UserRow> rows = this.jdbc.sql(PAGE)
			.params(ScopeSql.parameters(scope))
			.param("pattern", Paging.containsPattern(search))
			.param("status", status.name())
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Users::row)
			.list();
		long total = this.jdbc.sql("select count(*) " + IN_SCOPE)
			.params(ScopeSql.parameters(scope))
			.param("pattern", Paging.containsPattern(search))
			.param("status", status.name())
			.query(Long.class)
			.single();
		return new PageImpl<>(rows, pageable, total);
	}

	private static UserRow row(ResultSet rs, int row) throws SQLException {
		String name = rs.getString("full_name");
		String email = rs.getString("email");
		return new UserRow(rs.getLong("id"), (name != null) ? name : email, email,
				AccountStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("invited_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
