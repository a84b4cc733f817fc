package com.videocall.admin.people;

import java.util.HashMap;
import java.util.Map;

import com.videocall.admin.directory.AdministratorScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may reset whose second factor (SI4): a System Administrator anyone's; an
 * Organisation Administrator that of a person who holds at least one role and every one
 * of them in their scope, and is no System Administrator. One statement.
 */
@Service
public class SecondFactorResets {

	private final JdbcClient jdbc;

	SecondFactorResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean mayReset(AdministratorScope scope, long accountId) {
		if (scope.everything()) {
			return true;
		}
		Map<String, Object> parameters = new HashMap<>(scope.sqlParameters());
		parameters.put("administrator", scope.accountId());
		parameters.put("person", accountId);
		return this.jdbc.sql("""
				select exists (select 1 from role_grant
				               where account_id = :administrator and role = 'ORGANISATION_ADMINISTRATOR')
				   and exists (select 1 from role_grant where account_id = :person)
				   and not exists (select 1 from role_grant
				                   where account_id = :person and not (:everything or area_id = any(:areas)))
				   and not exists (select 1 from account_profile where id = :person and system_administrator)
				""").params(parameters).query(Boolean.class).single();
	}

}
