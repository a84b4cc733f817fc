package com.videocall.admin.directory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The roles an account holds. */
@Service
public class RoleGrants {

	private final JdbcClient jdbc;

	RoleGrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every role the account holds, for its own home page. */
	public List<HeldRole> heldBy(long accountId) {
		return this.jdbc.sql("""
				select g.role, g.area_id, a.kind, a.name from role_grant g join area a on a.id = g.area_id
				where g.account_id = ? order by a.kind, lower(a.name), g.role
				""")
			.param(accountId)
			.query((rs, row) -> new HeldRole(Role.valueOf(rs.getString(1)), rs.getLong(2),
					AreaKind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

}
