package com.videocall.admin.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.SearchText;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people of one area (O2, W3, R2): holders of its roles and pending invitees to them.
 * The caller has already checked that the area is in scope. A read model across account,
 * directory and invitation tables (docs/architecture.md, "Data").
 */
@Service
public class AreaPeople {

	private static final String PEOPLE = """
			with people as (
			    select g.account_id, g.role, g.access_until, null::timestamptz as invited_at,
			           null::bigint as invitation_id, null::bigint as version
			    from role_grant g where g.area_id = :area
			    union all
			    select i.account_id, r.role, r.access_until, r.invited_at, i.id, i.version from invited_role r
			    join invitation i on i.id = r.invitation_id and i.status = 'PENDING' where r.area_id = :area
			)
			""";

	private static final String MATCHING = """
			from people p join account a on a.id = p.account_id
			where lower(coalesce(a.full_name, a.email)) like :pattern
			""";

	private final JdbcClient jdbc;

	AreaPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<AreaPerson> find(AreaSummary area, String nameFilter, Pageable pageable) {
		List<AreaPerson> rows = this.jdbc
			.sql(PEOPLE
					+ """
							select a.id, a.email, coalesce(a.full_name, a.email) as display_name, a.status, array_agg(p.role) as roles, array_agg(p.role || ':' || p.access_until) filter (where p.access_until is not null) as until, max(p.invited_at) as invited_at,
							       max(p.invitation_id) as invitation_id, max(p.version) as version
							"""
					+ MATCHING + """
							group by a.id order by lower(coalesce(a.full_name, a.email)), a.id
							""" + " limit " + pageable.getPageSize() + " offset " + pageable.getOffset())
			.param("area", area.id())
			.param("pattern", SearchText.containsPattern(nameFilter))
			.query(AreaPeople::person)
			.list();
		long total = this.jdbc.sql(PEOPLE + "select count(distinct a.id) " + MATCHING)
			.param("area", area.id())
			.param("pattern", SearchText.containsPattern(nameFilter))
			.query(Long.class)
			.single();
		return new PageImpl<>(rows, pageable, total);
	}

	private static AreaPerson person(ResultSet rs, int row) throws SQLException {
		return new AreaPerson(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
				AccountStatus.valueOf(rs.getString("status")), roles(rs.getArray("roles")), until(rs.getArray("until")),
				Users.instant(rs.getTimestamp("invited_at")), rs.getLong("invitation_id"), rs.getLong("version"));
	}

	/** The end of each role's access where it has one ("ROLE:2027-02-28"). */
	private static Map<Role, LocalDate> until(Array array) throws SQLException {
		Map<Role, LocalDate> until = new EnumMap<>(Role.class);
		if (array != null) {
			for (String value : (String[]) array.getArray()) {
				String[] parts = value.split(":", 2);
				until.put(Role.valueOf(parts[0]), LocalDate.parse(parts[1]));
			}
		}
		return until;
	}

	private static List<Role> roles(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).sorted().distinct().toList();
	}

}
