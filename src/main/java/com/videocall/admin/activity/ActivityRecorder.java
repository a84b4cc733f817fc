package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes entries to the trail, in the transaction of the change they record (no action
 * without its entry, no entry without its action), chained one after the other whichever
 * instance writes them (AC5).
 * <p>
 * Inside a transaction the entries wait until just before it commits; then the writer
 * flushes what JPA still holds, takes the chain's lock (a PostgreSQL advisory lock held
 * to the end of the transaction), reads the last hash and writes the entries after it.
 * Taking the lock last, when every row the transaction changes is already locked, means
 * two transactions never wait for each other in opposite orders (a bulk action locks its
 * invitations one by one, and a single action may hold one of them while it writes its
 * entry); and the lock is held only for the few milliseconds before the commit. Outside a
 * transaction (a sign-in), an entry is written at once in a transaction of its own.
 */
@Component
class ActivityRecorder {

	private static final Logger logger = LoggerFactory.getLogger(ActivityRecorder.class);

	/**
	 * The chain's advisory lock: "activity" in ASCII. Held by a writer from reading the
	 * last hash to its commit, and by the retention job while it removes entries and
	 * writes their checkpoint.
	 */
	static final long CHAIN_LOCK = 0x6163746976697479L;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate ownTransaction;

	private final ActivityLog log;

	ActivityRecorder(JdbcClient jdbc, EntityManager entityManager, PlatformTransactionManager transactions,
			ActivityLog log) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.log = log;
	}

	void record(NewEntry entry) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			this.ownTransaction.executeWithoutResult((status) -> write(List.of(entry), false));
			this.log.written(List.of(entry));
			return;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.entries.add(entry);
	}

	/**
	 * Three statements for a transaction's entries, one more for each further entry: the
	 * lock; the hash they follow and their ids; each entry with its areas.
	 */
	private void write(List<NewEntry> entries, boolean flushFirst) {
		if (flushFirst) {
			this.entityManager.flush();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
		Head head = head(entries.size());
		byte[] previous = head.lastHash();
		for (int i = 0; i < entries.size(); i++) {
			EntryContent content = entries.get(i).content();
			byte[] hash = ActivityChain.hash(previous, head.ids()[i], content);
			insert(head.ids()[i], content, hash);
			previous = hash;
		}
	}

	/**
	 * The hash the next entry follows (the newest entry's, or, when retention has removed
	 * them all, the newest checkpoint's, or the start of the chain) and the next
	 * {@code count} ids, in order.
	 */
	private Head head(int count) {
		return this.jdbc
			.sql("""
					select (select h from ((select 1, hash from activity_entry order by id desc limit 1)
					                       union all (select 2, last_hash from activity_checkpoint order by id desc limit 1))
					                      l (o, h) order by o limit 1),
					       array(select nextval('activity_entry_id') from generate_series(1, ?) order by 1)
					""")
			.param(count)
			.query((rs, row) -> {
				byte[] last = rs.getBytes(1);
				Long[] ids = (Long[]) rs.getArray(2).getArray();
				return new Head((last != null) ? last : ActivityChain.START,
						Arrays.stream(ids).mapToLong(Long::longValue).toArray());
			})
			.single();
	}

	/** The entry and its areas, in one statement. */
	private void insert(long id, EntryContent entry, byte[] hash) {
		this.jdbc.sql("""
				with entry as (insert into activity_entry (id, occurred_at, kind, actor_id, person_id, invitation_id,
				                                           source_page, reference, detail, hash)
				               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id)
				insert into activity_entry_area (entry_id, area_id, roles)
				select entry.id, a.area_id, string_to_array(a.roles, ',')
				from entry, unnest(?::bigint[], ?::text[]) a (area_id, roles)
				""")
			.params(id, Timestamp.from(entry.at()), entry.kind(), entry.actorId(), entry.personId(),
					entry.invitationId(), entry.sourcePage(), entry.reference(), entry.detail(), hash,
					entry.areas().stream().map(AreaRoles::areaId).toArray(Long[]::new),
					entry.areas().stream().map((area) -> String.join(",", area.roles())).toArray(String[]::new))
			.update();
	}

	private record Head(byte[] lastHash, long[] ids) {
	}

	/** A transaction's entries, written just before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<NewEntry> entries = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			write(this.entries, true);
		}

		@Override
		public void afterCommit() {
			ActivityRecorder.this.log.written(this.entries);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ActivityRecorder.this);
		}

	}

}
