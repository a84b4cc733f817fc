package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.RemovalUndos.Removal;
import com.videocall.admin.invitation.RemovalUndos.UndoRecord;
import com.videocall.admin.invitation.UndoRefusedException.Reason;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Undo after a removal (UN). Whoever sends it, the administrator's scope must cover every
 * role the removal took (so another administrator's Undo is refused unless they could
 * have made the change themselves, and no role outside scope is ever restored); the
 * window must still be open; and each invitation must be as the removal left it.
 */
@Component
class RemovalUndoing {

	private static final Logger logger = LoggerFactory.getLogger(RemovalUndoing.class);

	private final RemovalUndos undos;

	private final InvitationRepository invitations;

	private final AccountManagement accounts;

	private final Clock clock;

	RemovalUndoing(RemovalUndos undos, InvitationRepository invitations, AccountManagement accounts, Clock clock) {
		this.undos = undos;
		this.invitations = invitations;
		this.accounts = accounts;
		this.clock = clock;
	}

	UndoOutcome undo(AdministratorScope scope, Actor by, long undoId) {
		UndoRecord record = this.undos.find(undoId)
			.orElseThrow(() -> new InvitationNotFoundException("undo " + undoId));
		List<RemovedRole> roles = record.removals().stream().flatMap((removal) -> removal.roles().stream()).toList();
		long inScope = roles.stream().filter((role) -> scope.covers(role.areaId())).count();
		if (inScope == 0) {
			// Nothing of it is theirs to see: the same "not found" as for an unknown id.
			logger.warn("Account {} asked to undo {} outside its scope", scope.accountId(), undoId);
			throw new InvitationNotFoundException("undo " + undoId);
		}
		if (inScope < roles.size()) {
			throw new UndoRefusedException(Reason.OUTSIDE_SCOPE);
		}
		Instant now = this.clock.instant();
		if (record.undone()) {
			throw new UndoRefusedException(Reason.ALREADY_UNDONE);
		}
		if (!now.isBefore(record.expiresAt())) {
			throw new UndoRefusedException(Reason.EXPIRED);
		}
		if (!this.undos.markUndone(undoId, by.accountId(), now)) {
			throw new UndoRefusedException(Reason.ALREADY_UNDONE);
		}
		List<String> restored = new ArrayList<>();
		UndoRefusedException refusal = null;
		for (Removal removal : record.removals()) {
			try {
				restored.add(restore(removal, by, now));
			}
			catch (UndoRefusedException ex) {
				refusal = (refusal != null) ? refusal : ex;
			}
		}
		if (restored.isEmpty()) {
			// Rolls back the mark too: nothing was undone.
			throw refusal;
		}
		return new UndoOutcome(List.copyOf(restored), record.removals().size() - restored.size());
	}

	private String restore(Removal removal, Actor by, Instant now) {
		Invitation invitation = this.invitations.findWithRoles(removal.invitationId())
			.orElseThrow(() -> new UndoRefusedException(Reason.CHANGED));
		String email = this.accounts.get(invitation.getAccountId()).getEmail();
		if (invitation.getStatus() == InvitationStatus.CANCELLED
				&& (this.invitations.findPendingForChange(invitation.getAccountId()).isPresent()
						|| this.accounts.get(invitation.getAccountId()).getStatus() != AccountStatus.INVITED)) {
			// Invited again, or set up from another invitation, since the cancellation.
			throw new UndoRefusedException(Reason.CHANGED);
		}
		invitation.restore(by, removal.roles(), removal.versionAfter(), now);
		this.invitations.saveAndFlush(invitation);
		return email;
	}

}
