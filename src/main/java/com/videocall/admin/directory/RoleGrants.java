package com.videocall.admin.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.account.AdministratorRoles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The roles an account holds. Also tells sign-in whether an account administers an area
 * through its roles (the view {@code administrator_grant}: an administrator role, which
 * the table {@code role_kind} names, equal to {@link Role}, held by an active account).
 */
@Service
public class RoleGrants implements AdministratorRoles {

	private final JdbcClient jdbc;

	RoleGrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Grants the role unless the account already holds it; true when it was granted now.
	 */
	public boolean grant(long accountId, Role role, long areaId, Instant now) {
		return grant(accountId, role, areaId, null, now);
	}

	/**
	 * The same, for access until the end of {@code accessUntil} in app.time-zone (LC1;
	 * null: no end). A role already held keeps its own end.
	 */
	public boolean grant(long accountId, Role role, long areaId, LocalDate accessUntil, Instant now) {
		return this.jdbc.sql("""
				insert into role_grant (account_id, role, area_id, area_kind, granted_at, access_until)
				values (?, ?, ?, ?, ?, ?)
				on conflict (account_id, area_id, role) do nothing
				""")
			.params(accountId, role.name(), areaId, role.areaKind().name(), Timestamp.from(now), accessUntil)
			.update() == 1;
	}

	/**
	 * The roles each of the accounts holds, in one statement (Import Users' preview of
	 * thousands of rows): by account id, each role with its area's id and kind.
	 */
	public Map<Long, Set<HeldRole>> heldByEach(Collection<Long> accountIds) {
		Map<Long, Set<HeldRole>> held = new HashMap<>();
		this.jdbc.sql("select account_id, role, area_id from role_grant where account_id = any(?)")
			.param(accountIds.toArray(Long[]::new))
			.query((rs) -> {
				Role role = Role.valueOf(rs.getString(2));
				held.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>())
					.add(new HeldRole(role, rs.getLong(3), role.areaKind(), null));
			});
		return held;
	}

	/** Every role the account holds, for its own home page. */
	public List<HeldRole> heldBy(long accountId) {
		return this.jdbc
			.sql("""
					select g.role, g.area_id, a.kind, a.name, g.access_until from role_grant g join area a on a.id = g.area_id
					where g.account_id = ? order by a.kind, lower(a.name), g.role
					""")
			.param(accountId)
			.query((rs, row) -> HeldRole.of(rs))
			.list();
	}

	/**
	 * Whether the account holds an administrator role, by the rule every scope follows:
	 * the view {@code administrator_grant}, which counts active accounts only. Sign-in
	 * asks for the account signing in; for an active account that is every administrator
	 * role it holds, as before the rule was shared, and an account that is not active
	 * gets false, but is refused sign-in as disabled anyway.
	 */
	@Override
	public boolean anyHeldBy(long accountId) {
		return this.jdbc.sql("select exists (select 1 from administrator_grant where account_id = ?)")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

}
