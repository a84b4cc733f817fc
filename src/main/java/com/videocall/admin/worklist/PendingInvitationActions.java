package com.videocall.admin.worklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.InvitationChangedException;
import com.videocall.admin.invitation.InvitationEndedException;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InvitationNotFoundException;
import com.videocall.admin.invitation.NothingSelectedException;
import com.videocall.admin.invitation.ReminderTooSoonException;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.worklist.BulkOutcome.Skip;
import com.videocall.admin.web.SecurityLog;
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
 * invitations that have a role in the administrator's scope are locked first, in id order
 * (ids outside the scope are skipped without being locked or read, and logged in one line
 * per request in the security log, X1), so that no row can change between its check and
 * its update and two bulk actions over the same rows wait for each other instead of
 * deadlocking. Each row runs in a JDBC savepoint of its own: a refusal rolls back only
 * that row, never the others. (Savepoints on the transaction's connection rather than
 * nested transactions: JPA's transaction manager offers none with Hibernate, and a
 * refusal crossing a {@code @Transactional} method would mark the whole transaction for
 * rollback.) The persistence context is cleared after each row, so that a row leaves
 * nothing behind for the next flush.
 */
@Service
public class PendingInvitationActions {

	/**
	 * The condition on {@code invitation i} that it is pending with a role in the scope
	 * whose {@link AdministratorScope#sqlParameters()} are bound: what a bulk action may
	 * touch and its confirmation names.
	 */
	static final String PENDING_IN_SCOPE = """
			i.status = 'PENDING' and (:everything or exists (
			    select 1 from invited_role r where r.invitation_id = i.id and r.area_id = any(:areas)))""";

	private final InvitationManagement management;

	private final JdbcClient jdbc;

	private final EntityManager entities;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final SecurityLog securityLog;

	PendingInvitationActions(InvitationManagement management, JdbcClient jdbc, EntityManager entities,
			DataSource dataSource, PlatformTransactionManager transactions, SecurityLog securityLog) {
		this.management = management;
		this.jdbc = jdbc;
		this.entities = entities;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.securityLog = securityLog;
	}

	/**
	 * Of the invitations chosen (id to the version shown), those a bulk action would act
	 * on: pending, with a role in scope; by name, each with the version chosen. What the
	 * confirmation names, so that a crafted link cannot make "Yes" act on people the
	 * administrator did not see.
	 */
	public List<Chosen> chosen(AdministratorScope scope, Map<Long, Long> versions) {
		return this.jdbc.sql("""
				select i.id, a.full_name, a.email from invitation i join account a on a.id = i.account_id
				where i.id = any(:ids) and %s
				order by lower(coalesce(a.full_name, a.email)), i.id
				""".formatted(PENDING_IN_SCOPE))
			.params(scope.sqlParameters())
			.param("ids", versions.keySet().toArray(Long[]::new))
			.query((rs, row) -> new Chosen(rs.getLong(1), versions.get(rs.getLong(1)), rs.getString(2),
					rs.getString(3)))
			.list();
	}

	/** Sends a reminder for each invitation (id to the version shown). */
	public BulkOutcome<String> remind(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		return each(scope, versions, (outcome, id, version) -> this.management.remindInCallersTransaction(scope, actor,
				id, version, sourcePage, null));
	}

	/**
	 * Removes the roles in scope of each invitation (id to the version shown), cancelling
	 * those with no other roles; the outcome tells per invitation what was removed, and
	 * every one of them names the same Undo record.
	 */
	public BulkOutcome<RemovalOutcome> cancel(AdministratorScope scope, AccountUser actor, Map<Long, Long> versions,
			String sourcePage) {
		return each(scope, versions, (outcome, id, version) -> this.management.cancelInScope(scope, actor, id, version,
				sourcePage, sharedUndo(outcome)));
	}

	private <T> BulkOutcome<T> each(AdministratorScope scope, Map<Long, Long> versions, RowAction<T> action) {
		return this.transaction.execute((status) -> {
			Set<Long> locked = lockPendingInScope(scope, versions.keySet());
			logOutsideScope(scope, versions.keySet(), locked);
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			BulkOutcome<T> outcome = BulkOutcome.empty();
			versions.forEach((id, version) -> {
				if (locked.contains(id)) {
					attempt(connection, outcome, id, () -> action.apply(outcome, id, version));
				}
				else {
					outcome.skip(Skip.NOT_PENDING);
				}
			});
			return outcome;
		});
	}

	private Set<Long> lockPendingInScope(AdministratorScope scope, Collection<Long> ids) {
		return new HashSet<>(this.jdbc
			.sql("select i.id from invitation i where i.id = any(:ids) and " + PENDING_IN_SCOPE
					+ " order by i.id for no key update of i")
			.params(scope.sqlParameters())
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * One line for the ids of pending invitations the administrator asked for without
	 * having any of their areas (X1); ids of no pending invitation are not logged.
	 */
	private void logOutsideScope(AdministratorScope scope, Collection<Long> ids, Set<Long> locked) {
		if (locked.size() == ids.size()) {
			return;
		}
		Long[] others = ids.stream().filter((id) -> !locked.contains(id)).toArray(Long[]::new);
		long outside = this.jdbc.sql("select count(*) from invitation where id = any(?) and status = 'PENDING'")
			.param(others)
			.query(Long.class)
			.single();
		if (outside > 0) {
			this.securityLog.outOfScope(scope.accountId(), outside + " pending invitations of a bulk action");
		}
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

	/**
	 * A chosen invitation the confirmation names: its invitee's name (if known) and
	 * email.
	 */
	public record Chosen(long id, long version, String fullName, String email) {

		/** As the form sends it back. */
		public String selected() {
			return this.id + ":" + this.version;
		}

	}

	/** One row of a bulk action, given the outcome so far. */
	@FunctionalInterface
	private interface RowAction<T> {

		T apply(BulkOutcome<T> outcome, long id, long version);

	}

}
