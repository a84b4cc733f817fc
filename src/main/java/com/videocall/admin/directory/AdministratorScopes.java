package com.videocall.admin.directory;

import java.util.Arrays;
import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes an account's {@link AdministratorScope} in one statement, from the database's
 * current state. Which roles give administrator rights is the table {@code role_kind}
 * (equal to {@link Role}); the account's standing is read through the view
 * {@code account_profile} that the account module publishes.
 */
@Service
public class AdministratorScopes {

	private static final String SCOPE_SQL = """
			with recursive administered(id) as (
			    select g.area_id from role_grant g
			    join role_kind k on k.role = g.role and k.administrator
			    join account_profile a on a.id = g.account_id and a.status = 'ACTIVE'
			    where g.account_id = :account
			    union
			    select child.id from area child join administered parent on child.parent_id = parent.id
			)
			select coalesce((select system_administrator and status = 'ACTIVE' from account_profile where id = :account),
			                false) as everything,
			       array(select id from administered) as area_ids
			""";

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
