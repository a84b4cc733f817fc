package com.videocall.admin.invitation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.BulkOutcome.Skip;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Send Reminders" and "Cancel Invitations" of the Pending Invitations list (P3). Each
 * selected invitation goes through the same use case as one at a time
 * ({@link InvitationManagement#remind}, {@link InvitationManagement#cancelInScope}) with
 * the version the list showed: so each keeps X4 and X5 (a stale row is skipped, never
 * overwritten, and a repeated form repeats nothing), its history and its email through
 * the outbox.
 * <p>
 * One transaction for the whole action, one commit (decision 0012): the selected pending
 * invitations are locked first, in id order, so that no row can change between its check
 * and its update and two bulk actions over the same rows wait for each other instead of
 * deadlocking. Each row runs in a JDBC savepoint of its own: a refusal rolls back only
 * that row, never the others. (Savepoints on the transaction's connection rather than
 * nested transactions: JPA's transaction manager offers none with Hibernate, and a
 * refusal crossing a {@code @Transactional} method would mark the whole transaction for
 * rollback.) The persistence context is cleared after each row, so that a row leaves
 * nothing behind for the next flush.
 */
@Service
public class PendingInvitationActions {

	private final InvitationManagement management;

	private final JdbcClient jdbc;

	private final EntityManager entities;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	PendingInvitationActions(InvitationManagement management, JdbcClient jdbc, EntityManager entities,
			DataSource dataSource, PlatformTransactionManager transactions) {
		this.management = management;
		this.jdbc = jdbc;
		this.entities = entities;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Sends a reminder for each invitation (id to the version shown). */
	public BulkOutcome<String> remind(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		return each(versions, (outcome, id, version) -> this.management.remindInCallersTransaction(scope, actor, id,
				version, sourcePage, null));
	}

	/**
	 * Removes the roles in scope of each invitation (id to the version shown), cancelling
	 * those with no other roles; the outcome tells per invitation what was removed, and
	 * every one of them names the same Undo record.
	 */
	public BulkOutcome<RemovalOutcome> cancel(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		return each(versions, (outcome, id, version) -> this.management.cancelInScope(scope, actor, id, version,
				sourcePage, sharedUndo(outcome)));
	}

	private <T> BulkOutcome<T> each(Map<Long, Long> versions, RowAction<T> action) {
		return this.transaction.execute((status) -> {
			lockPending(versions.keySet());
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			BulkOutcome<T> outcome = BulkOutcome.empty();
			versions
				.forEach((id, version) -> attempt(connection, outcome, id, () -> action.apply(outcome, id, version)));
			return outcome;
		});
	}

	private void lockPending(Collection<Long> ids) {
		this.jdbc
			.sql("select id from invitation where id = any(:ids) and status = 'PENDING' order by id for no key update")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** The Undo record the first cancellation done opened: one Undo for them all (UN). */
	private static OptionalLong sharedUndo(BulkOutcome<RemovalOutcome> outcome) {
		return outcome.done().values().stream().mapToLong(RemovalOutcome::undoId).findFirst();
	}

	private <T> void attempt(Connection connection, BulkOutcome<T> outcome, long id, Supplier<T> action) {
		Savepoint savepoint = savepoint(connection);
		try {
			outcome.done().put(id, action.get());
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot release the savepoint of a row done", ex);
		}
		catch (ReminderTooSoonException ex) {
			skip(connection, savepoint, outcome, Skip.TOO_SOON);
		}
		catch (InvitationChangedException ex) {
			skip(connection, savepoint, outcome, Skip.CHANGED);
		}
		catch (InvitationEndedException | InvitationNotFoundException | NothingSelectedException ex) {
			skip(connection, savepoint, outcome, Skip.NOT_PENDING);
		}
		finally {
			this.entities.clear();
		}
	}

	private static Savepoint savepoint(Connection connection) {
		try {
			return connection.setSavepoint();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot set a savepoint for the next row", ex);
		}
	}

	private static <T> void skip(Connection connection, Savepoint savepoint, BulkOutcome<T> outcome, Skip reason) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot roll a refused row back", ex);
		}
		outcome.skip(reason);
	}

	/** One row of a bulk action, given the outcome so far. */
	@FunctionalInterface
	private interface RowAction<T> {

		T apply(BulkOutcome<T> outcome, long id, long version);

	}

}
