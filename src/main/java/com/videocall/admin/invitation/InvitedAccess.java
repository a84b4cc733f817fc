package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaNames;
import com.videocall.admin.directory.Role;
import com.videocall.admin.web.SecurityLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of invited roles' access (LC1): a role whose last day passes before the person
 * sets up their account leaves the invitation, which is cancelled when nothing remains,
 * through the aggregate as any removal, by the system. The access module's job asks which
 * invitations have such roles and ends them one invitation at a time.
 */
@Service
public class InvitedAccess {

	/**
	 * The statement of {@link #withEndedRoles}: today, after which id, how many. The
	 * roles that ended are read on the partial index {@code invited_role_access_until},
	 * and each of their invitations looked up by id ({@code offset 0} keeps PostgreSQL
	 * from merging the lookup into a join): as one join in id order it walked the pending
	 * invitations' index from the first, due or not (EndingsBenchmark). Public for
	 * EndingsBenchmark, which explains it.
	 */
	public static final String WITH_ENDED_ROLES = """
			with due as materialized (select distinct invitation_id from invited_role
			                          where access_until < ? and invitation_id > ?)
			select d.invitation_id from due d
			where exists (select 1 from invitation i where i.id = d.invitation_id and i.status = 'PENDING' offset 0)
			order by d.invitation_id limit ?
			""";

	private final JdbcClient jdbc;

	private final InvitationRepository invitations;

	private final InvitationChanges changes;

	private final AccountManagement accounts;

	private final InvitationAccess access;

	private final Clock clock;

	private final AreaNames areaNames;

	private final SecurityLog securityLog;

	InvitedAccess(JdbcClient jdbc, InvitationRepository invitations, InvitationChanges changes,
			AccountManagement accounts, InvitationAccess access, Clock clock, AreaNames areaNames,
			SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.areaNames = areaNames;
		this.access = access;
		this.clock = clock;
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.changes = changes;
		this.accounts = accounts;
	}

	/**
	 * The invited role (in scope, of a pending invitation) whose end date an
	 * administrator may change; "not found" otherwise (X1).
	 */
	@Transactional(readOnly = true)
	public InvitedEnd find(AdministratorScope scope, long invitationId, long roleId) {
		Invitation invitation = this.access.forReading(scope, invitationId);
		InvitedRole role = roleInScope(scope, invitation, roleId);
		return new InvitedEnd(invitationId, roleId, this.accounts.get(invitation.getAccountId()).getDisplayName(),
				role.getRole(), this.areaNames.of(List.of(role.getAreaId())).get(role.getAreaId()),
				role.getAccessUntil());
	}

	/**
	 * "Change end date" of an invited role (LC1): moves the end of its access to
	 * {@code until} (null: clears it) when it is still {@code current}, as the
	 * administrator's form showed it. The invitation is locked, so of two submissions of
	 * one form one changes it and the other finds the new date. Returns what happened.
	 */
	@Transactional
	public Change changeAccessUntil(AdministratorScope scope, AccountUser actor, long invitationId, long roleId,
			LocalDate current, LocalDate until, String sourcePage) {
		Invitation invitation = this.invitations.findForUpdate(invitationId)
			.orElseThrow(() -> new InvitationNotFoundException("invitation " + invitationId));
		this.access.forReading(scope, invitationId);
		InvitedRole role = roleInScope(scope, invitation, roleId);
		if (Objects.equals(role.getAccessUntil(), until)) {
			return Change.ALREADY;
		}
		if (!Objects.equals(role.getAccessUntil(), current)) {
			return Change.STALE;
		}
		invitation.changeAccessUntil(Actor.of(actor, sourcePage), roleId, until, this.clock.instant());
		this.changes.save(invitation, this.accounts.get(invitation.getAccountId()).getEmail());
		return Change.CHANGED;
	}

	private InvitedRole roleInScope(AdministratorScope scope, Invitation invitation, long roleId) {
		if (!invitation.isPending()) {
			throw new InvitationEndedException(invitation.getStatus());
		}
		InvitedRole role = invitation.getRoles()
			.stream()
			.filter((offered) -> Long.valueOf(roleId).equals(offered.getId()))
			.findFirst()
			.orElseThrow(() -> new InvitationNotFoundException("invited role " + roleId));
		if (!scope.covers(role.getAreaId())) {
			this.securityLog.outOfScope(scope.accountId(), "invited role " + roleId);
			throw new InvitationNotFoundException("invited role " + roleId);
		}
		return role;
	}

	/** What a change of an end date did. */
	public enum Change {

		CHANGED, ALREADY, STALE

	}

	/** An invited role whose end date may change, with the invitee's name. */
	public record InvitedEnd(long invitationId, long roleId, String personName, Role role, String areaName,
			LocalDate accessUntil) {
	}

	/**
	 * Up to {@code limit} pending invitations, by id after {@code afterId}, with a role
	 * whose last day is before {@code today}.
	 */
	public List<Long> withEndedRoles(LocalDate today, long afterId, int limit) {
		return this.jdbc.sql(WITH_ENDED_ROLES).params(today, afterId, limit).query(Long.class).list();
	}

	/**
	 * Removes the invitation's roles whose last day is before {@code today}, once: the
	 * invitation is locked, so a second run finds them gone. Returns those removed.
	 */
	@Transactional
	public List<Invitation.RoleOffer> endAccess(long invitationId, LocalDate today, Instant now) {
		Optional<Invitation> found = this.invitations.findForUpdate(invitationId).filter(Invitation::isPending);
		if (found.isEmpty()) {
			return List.of();
		}
		Invitation invitation = found.get();
		List<Invitation.RoleOffer> ended = invitation.endAccess(today, now);
		if (!ended.isEmpty()) {
			this.changes.save(invitation, this.accounts.get(invitation.getAccountId()).getEmail());
		}
		return ended;
	}

}
