package com.videocall.admin.undo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.Actor;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.RemovalRecords.Removal;
import com.videocall.admin.invitation.RemovedRole;
import com.videocall.admin.invitation.UndoRefusedException.Reason;
import com.videocall.admin.invitation.UndoRefusedException;
import com.videocall.admin.undo.RemovalUndos.UndoRecord;
import com.videocall.admin.web.SecurityLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undo after a removal (UN). Whoever sends it, the administrator's scope must cover every
 * role the removal took (so another administrator's Undo is refused unless they could
 * have made the change themselves, and no role outside scope is ever restored); the
 * window must still be open; and each invitation must be as the removal left it.
 */
@Service
public class RemovalUndoing {

	private final RemovalUndos undos;

	private final InvitationManagement invitations;

	private final Clock clock;

	private final SecurityLog securityLog;

	RemovalUndoing(RemovalUndos undos, InvitationManagement invitations, Clock clock, SecurityLog securityLog) {
		this.undos = undos;
		this.invitations = invitations;
		this.clock = clock;
		this.securityLog = securityLog;
	}

	/**
	 * Undo (UN) of the removal {@code undoId}: restores the roles it took, as they were
	 * offered, without email. Refused ({@link UndoRefusedException}) when the window has
	 * passed, when it was undone already, when the invitation changed or was accepted
	 * since, or when any of the roles is outside the administrator's scope.
	 */
	@Transactional
	public UndoOutcome undo(AdministratorScope scope, AccountUser administrator, long undoId) {
		// The banner it came from sits on whatever page followed the removal: no source
		// page.
		Actor by = Actor.of(administrator, null);
		UndoRecord record = this.undos.find(undoId).orElseThrow(() -> new UndoNotFoundException(undoId));
		List<RemovedRole> roles = record.removals().stream().flatMap((removal) -> removal.roles().stream()).toList();
		long inScope = roles.stream().filter((role) -> scope.covers(role.areaId())).count();
		if (inScope == 0) {
			// Nothing of it is theirs to see: the same "not found" as for an unknown id.
			this.securityLog.outOfScope(scope.accountId(), "undo " + undoId);
			throw new UndoNotFoundException(undoId);
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
				restored.add(this.invitations.restore(by, removal, now));
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

}
