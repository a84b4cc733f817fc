package com.videocall.admin.people;

import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.HeldRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.people.UserProfile.InvitedRole;
import com.videocall.admin.web.SecurityLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one user's details within an administrator's scope; anyone else is "not found". A
 * read model across account, directory and invitation tables (docs/architecture.md,
 * "Data").
 */
@Service
public class UserProfiles {

	private final JdbcClient jdbc;

	private final SecurityLog securityLog;

	UserProfiles(JdbcClient jdbc, SecurityLog securityLog) {
		this.jdbc = jdbc;
		this.securityLog = securityLog;
	}

	@Transactional(readOnly = true)
	public UserProfile get(AdministratorScope scope, long accountId) {
		UserProfile account = this.jdbc.sql("""
				select id, case when personal_data_removed_at is null then email end as email,
				       case when personal_data_removed_at is null then coalesce(full_name, email) end as display_name,
				       status
				from account where id = ?
				""")
			.param(accountId)
			.query((rs, row) -> new UserProfile(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
					AccountStatus.valueOf(rs.getString("status")), List.of(), List.of(), null))
			.optional()
			.orElseThrow(() -> new UserNotFoundException("account " + accountId));
		List<HeldRole> roles = heldRoles(scope, accountId);
		List<InvitedRole> invitedRoles = invitedRoles(scope, accountId);
		if (roles.isEmpty() && invitedRoles.isEmpty() && !scope.everything()) {
			this.securityLog.outOfScope(scope.accountId(), "account " + accountId);
			throw new UserNotFoundException("account " + accountId);
		}
		Long invitationId = invitedRoles.isEmpty() ? null
				: this.jdbc.sql("select id from invitation where account_id = ? and status = 'PENDING'")
					.param(accountId)
					.query(Long.class)
					.single();
		return new UserProfile(account.id(), account.displayName(), account.email(), account.status(), roles,
				invitedRoles, invitationId);
	}

	private List<HeldRole> heldRoles(AdministratorScope scope, long accountId) {
		return this.jdbc
			.sql("""
					select g.role, g.area_id, a.kind, a.name, g.access_until from role_grant g join area a on a.id = g.area_id
					where g.account_id = :account and (:everything or g.area_id = any(:areas))
					order by a.kind, lower(a.name), g.role
					""")
			.params(scope.sqlParameters())
			.param("account", accountId)
			.query((rs, row) -> HeldRole.of(rs))
			.list();
	}

	private List<InvitedRole> invitedRoles(AdministratorScope scope, long accountId) {
		return this.jdbc.sql("""
				select r.role, r.area_id, a.kind, a.name, r.access_until, r.invited_at,
				       coalesce(b.full_name, b.email) as invited_by
				from invitation i join invited_role r on r.invitation_id = i.id
				join area a on a.id = r.area_id join account b on b.id = r.invited_by
				where i.account_id = :account and i.status = 'PENDING' and (:everything or r.area_id = any(:areas))
				order by a.kind, lower(a.name), r.role
				""")
			.params(scope.sqlParameters())
			.param("account", accountId)
			.query((rs, row) -> new InvitedRole(HeldRole.of(rs), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

}
