package com.videocall.admin.directory;

import java.util.Arrays;
import java.util.HashSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes an account's {@link AdministratorScope} in one statement, from the database's
 * current state.
 */
@Service
public class AdministratorScopes {

	private static final String SCOPE_SQL = """
			with recursive administered(id) as (
			    select g.area_id from role_grant g join account a on a.id = g.account_id
			    where g.account_id = :account and a.status = 'ACTIVE'
			      and g.role in (%s)
			    union
			    select child.id from area child join administered parent on child.parent_id = parent.id
			)
			select coalesce((select system_administrator and status = 'ACTIVE' from account where id = :account), false)
			       as everything,
			       array(select id from administered) as area_ids
			""".formatted(Arrays.stream(Role.values())
		.filter(Role::isAdministrator)
		.map((role) -> "'" + role.name() + "'")
		.collect(Collectors.joining(", ")));

	private final JdbcClient jdbc;

	AdministratorScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AdministratorScope forAccount(long accountId) {
		return this.jdbc.sql(SCOPE_SQL).param("account", accountId).query((rs, row) -> {
			Long[] ids = (Long[]) rs.getArray("area_ids").getArray();
			return new AdministratorScope(accountId, rs.getBoolean("everything"), new HashSet<>(Arrays.asList(ids)));
		}).single();
	}

}
