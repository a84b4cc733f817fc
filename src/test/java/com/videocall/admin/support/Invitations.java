package com.videocall.admin.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Pending invitations made the way Add Users makes them, for tests about what happens
 * next; and the signed-in administrator's view ({@link #actor}, {@link #scope}) for
 * calling the use cases directly.
 */
public class Invitations {

	private final InvitationManagement management;

	private final AdministratorScopes scopes;

	private final UserDetailsService accounts;

	private final InvitationRecords records;

	private final JdbcClient jdbc;

	public Invitations(InvitationManagement management, AdministratorScopes scopes, UserDetailsService accounts,
			InvitationRecords records, JdbcClient jdbc) {
		this.management = management;
		this.scopes = scopes;
		this.accounts = accounts;
		this.records = records;
		this.jdbc = jdbc;
	}

	/**
	 * Invites {@code email} to the roles in one area on behalf of {@code admin}; returns
	 * the pending invitation's id.
	 */
	public long pendingFor(String email, String admin, long areaId, Role... roles) {
		List<RoleOffer> offers = List.of(roles).stream().map((role) -> new RoleOffer(role, areaId)).toList();
		this.management.addUsers(scope(admin), actor(admin), offers, email, "", "Test");
		return this.records.pendingFor(email);
	}

	public AccountUser actor(String email) {
		return (AccountUser) this.accounts.loadUserByUsername(email);
	}

	public AdministratorScope scope(String email) {
		return this.scopes.forAccount(actor(email).accountId());
	}

	/**
	 * Removes every role of the invitation as {@code admin} would in the dialog; returns
	 * the id its banner's Undo sends (UN).
	 */
	public long removeAllRoles(long invitation, String admin) {
		return this.management
			.removeRoles(scope(admin), actor(admin), invitation, this.records.version(invitation),
					Set.copyOf(this.records.roleIds(invitation)), "Test")
			.undoId();
	}

	/** Makes the last reminder look {@code ago} older, as if that time had passed. */
	public void moveLastReminderBack(long invitation, Duration ago) {
		this.jdbc
			.sql("update invitation set last_reminded_at = last_reminded_at - make_interval(secs => ?) where id = ?")
			.params((double) ago.toSeconds(), invitation)
			.update();
	}

	/** When the last reminder was sent, as the database holds it. */
	public Instant lastRemindedAt(long invitation) {
		return this.jdbc.sql("select last_reminded_at from invitation where id = ?")
			.param(invitation)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

}
