package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import com.videocall.admin.activity.ChainWalk.Mark;
import com.videocall.admin.web.AppProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the entries of the activity trail that happened longer ago than
 * {@code app.activity.retention} (AC5), once a day on one instance (ShedLock), leaving a
 * checkpoint the chain continues from.
 * <p>
 * It removes the oldest entries, in id order (chain order), up to the first one that is
 * not old enough: ids follow the order of commits and times that of the events, which
 * agree nearly but not exactly, and only a prefix of the chain can be cut off. It stops
 * before the first entry the newest integrity check did not find whole, so that it never
 * removes an entry no check has read, nor the evidence of a break. Each batch of at most
 * {@value #BATCH} entries is one transaction that holds the chain's lock (so that no
 * writer reads the last hash of a trail half removed), removes the entries' areas and
 * then the entries, saying so to the append-only trigger, and writes the checkpoint: the
 * newest removed entry and its hash.
 */
@Component
class ActivityRetention {

	/** The name of this job's lock in the table {@code shedlock}. */
	static final String LOCK = "activity-retention";

	private static final Logger log = LoggerFactory.getLogger(ActivityRetention.class);

	private static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Period retention;

	private final ZoneId zone;

	private final Clock clock;

	ActivityRetention(JdbcClient jdbc, PlatformTransactionManager transactions, ActivityProperties properties,
			AppProperties app, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.retention = properties.retention();
		this.zone = app.timeZone();
		this.clock = clock;
	}

	@Scheduled(cron = "0 20 3 * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "1h", lockAtLeastFor = "10m")
	public void run() {
		Instant cutoff = this.clock.instant().atZone(this.zone).minus(this.retention).toInstant();
		log.info("Activity trail retention: {} entries that happened before {} removed", removeBefore(cutoff), cutoff);
	}

	/** Removes the entries that happened before the cutoff; returns how many. */
	int removeBefore(Instant cutoff) {
		int removed = 0;
		int batch;
		do {
			batch = this.transactions.execute((status) -> removeBatch(cutoff));
			removed += batch;
		}
		while (batch == BATCH);
		return removed;
	}

	private int removeBatch(Instant cutoff) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(ActivityRecorder.CHAIN_LOCK).query().singleRow();
		Mark last = this.jdbc
			.sql("""
					select id, hash from (
					    select id, hash, bool_and(occurred_at < ?) over (order by id) as all_old
					    from (select id, hash, occurred_at from activity_entry
					          where id <= (select least(verified_entry_id, broken_at_entry - 1) from activity_integrity_check
					                       order by id desc limit 1)
					          order by id limit ?) oldest
					) prefix
					where all_old order by id desc limit 1
					""")
			.params(Timestamp.from(cutoff), BATCH)
			.query((rs, row) -> new Mark(rs.getLong(1), rs.getBytes(2)))
			.optional()
			.orElse(null);
		if (last == null) {
			return 0;
		}
		this.jdbc.sql("set local video_call_admin.activity_retention = 'on'").update();
		this.jdbc.sql("delete from activity_entry_area where entry_id <= ?").param(last.entryId()).update();
		int removed = this.jdbc.sql("delete from activity_entry where id <= ?").param(last.entryId()).update();
		this.jdbc.sql("""
				insert into activity_checkpoint (created_at, last_entry_id, last_hash, removed) values (?, ?, ?, ?)
				""").params(Timestamp.from(this.clock.instant()), last.entryId(), last.hash(), removed).update();
		return removed;
	}

}
