package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.videocall.admin.account.AccountManagement;

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

	private final JdbcClient jdbc;

	private final InvitationRepository invitations;

	private final InvitationChanges changes;

	private final AccountManagement accounts;

	InvitedAccess(JdbcClient jdbc, InvitationRepository invitations, InvitationChanges changes,
			AccountManagement accounts) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.changes = changes;
		this.accounts = accounts;
	}

	/**
	 * Up to {@code limit} pending invitations, by id after {@code afterId}, with a role
	 * whose last day is before {@code today}.
	 */
	public List<Long> withEndedRoles(LocalDate today, long afterId, int limit) {
		return this.jdbc.sql("""
				select distinct r.invitation_id from invited_role r join invitation i on i.id = r.invitation_id
				where r.access_until < ? and r.invitation_id > ? and i.status = 'PENDING'
				order by r.invitation_id limit ?
				""").params(today, afterId, limit).query(Long.class).list();
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
