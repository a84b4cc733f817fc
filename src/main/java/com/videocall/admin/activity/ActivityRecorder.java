package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.util.ArrayList;
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

	private void write(List<NewEntry> entries, boolean flushFirst) {
		if (flushFirst) {
			this.entityManager.flush();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
		byte[] previous = lastHash();
		for (NewEntry entry : entries) {
			long id = this.jdbc.sql("select nextval('activity_entry_id')").query(Long.class).single();
			EntryContent content = entry.content();
			byte[] hash = ActivityChain.hash(previous, id, content);
			insert(id, content, hash);
			previous = hash;
		}
	}

	/**
	 * The hash the next entry follows: the newest entry's, or, when retention has removed
	 * them all, the newest checkpoint's, or the start of the chain.
	 */
	private byte[] lastHash() {
		return this.jdbc
			.sql("""
					select h from ((select 1, hash from activity_entry order by id desc limit 1)
					               union all (select 2, last_hash from activity_checkpoint order by id desc limit 1)) l (o, h)
					order by o limit 1
					""")
			.query(byte[].class)
			.optional()
			.orElse(ActivityChain.START);
	}

	private void insert(long id, EntryContent entry, byte[] hash) {
		this.jdbc.sql("""
				insert into activity_entry (id, occurred_at, kind, actor_id, person_id, invitation_id, source_page,
				                            reference, detail, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, Timestamp.from(entry.at()), entry.kind(), entry.actorId(), entry.personId(),
					entry.invitationId(), entry.sourcePage(), entry.reference(), entry.detail(), hash)
			.update();
		for (AreaRoles area : entry.areas()) {
			this.jdbc.sql("insert into activity_entry_area (entry_id, area_id, roles) values (?, ?, ?)")
				.params(id, area.areaId(), area.roles().toArray(String[]::new))
				.update();
		}
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
