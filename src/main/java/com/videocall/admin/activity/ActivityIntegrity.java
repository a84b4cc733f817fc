package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.videocall.admin.activity.ChainWalk.Mark;
import com.videocall.admin.activity.ChainWalk.Result;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled integrity check of the activity trail (AC5): walks the chain from the
 * newest checkpoint ({@link ChainWalk}), looks for areas whose entry is gone, records the
 * result in {@code activity_integrity_check} and says in an ERROR line where the chain
 * breaks. System Administrators read the newest result ({@link #latest()}), the metrics
 * show it ({@code IntegrityMetrics}).
 * <p>
 * The check reads one snapshot of the trail (a repeatable-read transaction): the entries
 * committed when it starts, whatever is written or removed while it reads them batch by
 * batch. Since the chain's lock is held from an entry's id to its commit, those are the
 * entries up to the newest one committed, none missing. Every instance polls once a
 * minute whether a check is due ({@code app.activity.integrity-check-interval} after the
 * newest), under ShedLock's lock, so one instance checks and the others then find the
 * check done.
 */
@Component
public class ActivityIntegrity {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "activity-integrity-check";

	private static final Logger log = LoggerFactory.getLogger(ActivityIntegrity.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final Duration interval;

	private final Clock clock;

	ActivityIntegrity(JdbcClient jdbc, PlatformTransactionManager transactions, ActivityProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.interval = properties.integrityCheckInterval();
		this.clock = clock;
	}

	/** Checks the trail when the newest check is older than the interval, or none ran. */
	@Scheduled(cron = "15 * * * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "1h")
	public void checkWhenDue() {
		Instant now = this.clock.instant();
		if (latest().map((newest) -> newest.checkedAt().plus(this.interval).isAfter(now)).orElse(false)) {
			return;
		}
		check();
	}

	/** Checks the trail as it is now, records the result and returns it. */
	public IntegrityCheck check() {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Result result = this.snapshot.execute((status) -> {
			Result found = walk();
			this.jdbc.sql("""
					insert into activity_integrity_check (checked_at, entries_checked, broken_at_entry, problem,
					                                      verified_entry_id, verified_hash)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(Timestamp.from(at), found.entriesRead(), found.brokenAt(), found.problem(),
						(found.whole() != null) ? found.whole().entryId() : null,
						(found.whole() != null) ? found.whole().hash() : null)
				.update();
			return found;
		});
		if (result.brokenAt() != null) {
			log.error("Activity trail integrity check: the trail changed at entry {} ({}); entries checked: {}",
					result.brokenAt(), result.problem(), result.entriesRead());
		}
		else {
			log.info("Activity trail integrity check: no entry changed; entries checked: {}", result.entriesRead());
		}
		return new IntegrityCheck(at, result.entriesRead(), result.brokenAt(), result.problem());
	}

	/** The newest check's result, if any check ran. */
	public Optional<IntegrityCheck> latest() {
		return this.jdbc.sql("""
				select checked_at, entries_checked, broken_at_entry, problem from activity_integrity_check
				order by id desc limit 1
				""")
			.query((rs, row) -> new IntegrityCheck(rs.getTimestamp(1).toInstant(), rs.getLong(2),
					StoredEntries.nullable(rs, 3), rs.getString(4)))
			.optional();
	}

	private Result walk() {
		Mark start = this.jdbc.sql("select last_entry_id, last_hash from activity_checkpoint order by id desc limit 1")
			.query((rs, row) -> new Mark(rs.getLong(1), rs.getBytes(2)))
			.optional()
			.orElse(Mark.START);
		Optional<LastWhole> lastWhole = this.jdbc.sql("""
				select checked_at, verified_entry_id, verified_hash from activity_integrity_check
				where broken_at_entry is null and verified_entry_id is not null order by id desc limit 1
				""")
			.query((rs, row) -> new LastWhole(rs.getTimestamp(1).toInstant(), new Mark(rs.getLong(2), rs.getBytes(3))))
			.optional();
		ChainWalk walk = new ChainWalk(start, lastWhole.map(LastWhole::entry).orElse(null),
				lastWhole.map(LastWhole::checkedAt).orElse(null));
		StoredEntries.after(this.jdbc, start.entryId(), walk);
		Result result = walk.end();
		if (result.brokenAt() != null) {
			return result;
		}
		return this.jdbc.sql("""
				select min(x.entry_id) from activity_entry_area x
				where not exists (select 1 from activity_entry e where e.id = x.entry_id)
				""")
			.query(Long.class)
			.optional()
			.map((entryId) -> new Result(result.entriesRead(), entryId,
					"its areas remain without the entry, so it was removed", result.whole()))
			.orElse(result);
	}

	/** The newest entry a check without a problem found whole, and when. */
	private record LastWhole(Instant checkedAt, Mark entry) {
	}

}
