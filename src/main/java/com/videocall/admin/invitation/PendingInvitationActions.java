package com.videocall.admin.invitation;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.BulkOutcome.Skip;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * "Send Reminders" and "Cancel Invitations" of the Pending Invitations list (P3). Each
 * selected invitation goes through the same use case as one at a time
 * ({@link InvitationManagement#remind}, {@link InvitationManagement#cancelInScope}) in a
 * transaction of its own, with the version the list showed: so each keeps X4 and X5 (a
 * stale row is skipped, never overwritten, and a repeated form repeats nothing), its
 * history and its email through the outbox. One refusal never undoes the others.
 */
@Service
public class PendingInvitationActions {

	private final InvitationManagement management;

	PendingInvitationActions(InvitationManagement management) {
		this.management = management;
	}

	/** Sends a reminder for each invitation (id to the version shown). */
	public BulkOutcome<String> remind(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		BulkOutcome<String> outcome = BulkOutcome.empty();
		versions.forEach((id, version) -> attempt(outcome, id,
				() -> this.management.remind(scope, actor, id, version, sourcePage, null)));
		return outcome;
	}

	/**
	 * Removes the roles in scope of each invitation (id to the version shown), cancelling
	 * those with no other roles; the outcome tells per invitation what was removed, and
	 * every one of them names the same Undo record.
	 */
	public BulkOutcome<RemovalOutcome> cancel(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		BulkOutcome<RemovalOutcome> outcome = BulkOutcome.empty();
		versions.forEach((id, version) -> attempt(outcome, id,
				() -> this.management.cancelInScope(scope, actor, id, version, sourcePage, sharedUndo(outcome))));
		return outcome;
	}

	/** The Undo record the first cancellation done opened: one Undo for them all (UN). */
	private static OptionalLong sharedUndo(BulkOutcome<RemovalOutcome> outcome) {
		return outcome.done().values().stream().mapToLong(RemovalOutcome::undoId).findFirst();
	}

	private static <T> void attempt(BulkOutcome<T> outcome, long id, Supplier<T> action) {
		try {
			outcome.done().put(id, action.get());
		}
		catch (ReminderTooSoonException ex) {
			outcome.skip(Skip.TOO_SOON);
		}
		catch (InvitationChangedException | ObjectOptimisticLockingFailureException ex) {
			outcome.skip(Skip.CHANGED);
		}
		catch (InvitationEndedException | InvitationNotFoundException | NothingSelectedException ex) {
			outcome.skip(Skip.NOT_PENDING);
		}
	}

}
