package com.videocall.admin.directory;

import java.util.Arrays;
import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes an account's {@link AdministratorScope} in one statement, from the database's
 * current state. "Who administers what" is defined once, in SQL
 * ({@code R__directory_administers.sql}): {@code administers_everything} (an active
 * System Administrator) and {@code administered_areas} (the areas of the account's
 * administrator roles and every area below them), both built on the view
 * {@code administrator_grant} (administrator roles, which the table {@code role_kind}
 * names, equal to {@link Role}, held by active accounts). The SQL function
 * {@code administers} answers the same question for one area.
 */
@Service
public class AdministratorScopes {

	/**
	 * A System Administrator's areas are not listed (they cover every area), which spares
	 * the recursive walk on every request of theirs.
	 */
	private static final String SCOPE_SQL = """
			select everything,
			       case when everything then '{}'::bigint[] else array(select administered_areas(:account)) end
			         as area_ids
			from (select administers_everything(:account) as everything) s
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
