package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.EmailAddresses;
import com.videocall.admin.mail.Outbox;
import com.videocall.admin.mail.Outbox.Mention;
import com.videocall.admin.mail.Outbox.PersonalData;
import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the personal data of invitations that ended (accepted, cancelled, declined or
 * expired) longer than {@code app.retention.ended-invitations} ago (LC3), every
 * {@code app.retention.interval}, on one instance at a time (ShedLock's lock
 * {@value #LOCK}, taken here as {@link InvitationExpiry} takes its own). What goes: the
 * invitee's address, name and the custom message, which live in the invitation's emails
 * (the invitation's topic: to the invitee, and to the administrators who invited) and the
 * expiry notices that listed it, and, for a person who never set up their account and has
 * nothing else to keep it for, in the account itself. What stays: the invitation with its
 * status and times, its roles and areas, its emails' statuses, times and counts, and the
 * activity trail, which holds no personal data (it names the person by account id).
 * <p>
 * Each batch of at most {@value #BATCH} due invitations, read on the partial index
 * {@code invitation_retention_due} (V28) oldest end first and locked
 * ({@code for update skip locked}), is one transaction that scrubs them, marks them
 * ({@code personal_data_removed_at}, which takes them out of that index) and records one
 * activity entry for the batch: a second round, overlapping or later, finds nothing to do
 * and records nothing. After downtime the next round catches up in the same batches. A
 * last batch waits for the due invitations another transaction held as the batches passed
 * ({@link #DUE_WAITING}), so that a passing lock does not leave one for a day.
 */
@Component
public class PersonalDataRetention implements SchedulingConfigurer {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "personal-data-retention";

	/** How many due invitations one transaction scrubs. */
	public static final int BATCH = 500;

	/**
	 * A batch of the invitations due at a cutoff, oldest end first, with their invitees'
	 * address and name (the account module's view), on the partial index
	 * {@code invitation_retention_due}; those another round holds are left to it. Public
	 * for the plan tests and EndingsBenchmark, which explain it.
	 */
	public static final String DUE = """
			select i.id, i.account_id, i.status, i.ended_at, p.email, p.display_name, p.status as account_status
			from invitation i join account_profile p on p.id = i.account_id
			where i.ended_at is not null and i.personal_data_removed_at is null and i.ended_at <= ?
			order by i.ended_at, i.id limit ? for update of i skip locked
			""";

	/**
	 * The same, waiting for those another transaction holds: the last batch of a round
	 * takes the due invitations that were held as the batches passed (the outbox's
	 * trigger refreshing the Pending Invitations list's keys holds one for a moment as an
	 * email is marked sent). One that another round scrubbed meanwhile is no longer due
	 * once it is free.
	 */
	static final String DUE_WAITING = DUE.replace(" skip locked", "");

	/**
	 * How long that last batch waits for a holder before leaving the rest to the next
	 * run.
	 */
	private static final Duration HOLDER_WAIT = Duration.ofSeconds(10);

	private static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);

	private static final Duration FIRST_ROUND_AT_MOST_AFTER = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration retention;

	private final Duration interval;

	private final LockingTaskExecutor locks;

	private final Counter removed;

	private final Timer runs;

	private volatile Instant lastRun;

	PersonalDataRetention(JdbcClient jdbc, AccountManagement accounts, Outbox outbox, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, AppProperties app, RetentionProperties properties,
			MeterRegistry meters, LockProvider locks) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.outbox = outbox;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.zone = app.timeZone();
		this.retention = properties.endedInvitations();
		this.interval = properties.interval();
		this.locks = new DefaultLockingTaskExecutor(locks);
		this.removed = Counter.builder("videocall.invitations.personal.data.removed")
			.description("Ended invitations whose personal data this instance removed (committed)")
			.register(meters);
		this.runs = Timer.builder("videocall.invitations.retention.runs")
			.description("Runs of the job that removes the personal data of ended invitations")
			.register(meters);
		Gauge.builder("videocall.invitations.retention.last.timestamp", this, PersonalDataRetention::lastRunSeconds)
			.description("When this instance last finished that job, in seconds since the epoch; 0: never")
			.baseUnit("seconds")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Duration first = (this.interval.compareTo(FIRST_ROUND_AT_MOST_AFTER) < 0) ? this.interval
				: FIRST_ROUND_AT_MOST_AFTER;
		tasks.addFixedDelayTask(new FixedDelayTask(this::run, this.interval, first));
	}

	/** A round, unless another instance runs one (then this instance skips it). */
	public void run() {
		this.locks.executeWithLock((Runnable) () -> {
			int count = removeDue(this.clock.instant());
			if (count > 0) {
				log.info("Personal data removed from {} ended invitations", count);
			}
		}, new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST_FOR, Duration.ZERO));
	}

	/**
	 * The moment before which an invitation must have ended for its personal data to go
	 * at {@code now}: whole days are calendar days of {@code app.time-zone}.
	 */
	Instant cutoff(Instant now) {
		ZonedDateTime local = now.atZone(this.zone);
		boolean wholeDays = this.retention.toSeconds() % Duration.ofDays(1).toSeconds() == 0
				&& this.retention.toNanosPart() == 0;
		return (wholeDays ? local.minusDays(this.retention.toDays()) : local.minus(this.retention)).toInstant();
	}

	/**
	 * Removes the personal data of every invitation due at {@code now}; returns from how
	 * many this call removed it.
	 */
	public int removeDue(Instant now) {
		long start = System.nanoTime();
		Instant cutoff = cutoff(now);
		int total = 0;
		int batch;
		do {
			batch = this.transactions.execute((status) -> removeBatch(DUE, cutoff, now));
			this.removed.increment(batch);
			total += batch;
		}
		while (batch == BATCH);
		try {
			batch = this.transactions.execute((status) -> {
				this.jdbc.sql("set local lock_timeout = " + HOLDER_WAIT.toMillis()).update();
				return removeBatch(DUE_WAITING, cutoff, now);
			});
			this.removed.increment(batch);
			total += batch;
		}
		catch (PessimisticLockingFailureException ex) {
			log.warn("Ended invitations were held longer than {}: their personal data is left to the next run ({})",
					HOLDER_WAIT, ex.getMessage());
		}
		this.runs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		this.lastRun = this.clock.instant();
		return total;
	}

	private int removeBatch(String dueSql, Instant cutoff, Instant now) {
		List<Due> due = this.jdbc.sql(dueSql)
			.params(Timestamp.from(cutoff), BATCH)
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("account_id"),
					InvitationStatus.valueOf(rs.getString("status")), rs.getTimestamp("ended_at").toInstant(),
					rs.getString("email"), rs.getString("display_name"),
					AccountStatus.valueOf(rs.getString("account_status"))))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		scrubEmails(due);
		scrubExpiryNotices(
				due.stream().filter((invitation) -> invitation.status() == InvitationStatus.EXPIRED).toList());
		Long[] ids = due.stream().map(Due::id).toArray(Long[]::new);
		this.jdbc.sql("update invitation set personal_data_removed_at = ? where id = any(?)")
			.params(Timestamp.from(now), ids)
			.update();
		due.stream()
			.filter((invitation) -> invitation.accountStatus() == AccountStatus.INVITED)
			.map(Due::accountId)
			.distinct()
			.forEach((account) -> this.accounts.removePersonalData(account, now, () -> nothingElseFor(account)));
		this.events.publishEvent(new PersonalDataRemoved(List.of(ids), now));
		return due.size();
	}

	/**
	 * The emails of the invitations, under their topics: to the invitee, and to the
	 * administrators who invited (set up, declined).
	 */
	private void scrubEmails(List<Due> due) {
		this.outbox.removePersonalData(due.stream()
			.map((invitation) -> new PersonalData(InvitationMailer.topic(invitation.id()), invitation.email(),
					invitation.name(), EmailAddresses.removed(invitation.accountId())))
			.toList());
	}

	/**
	 * The emails that told administrators which invitations expired: each lists only
	 * invitations that ended at the moment it was queued (one expiry round's batch, or
	 * Add Users ending one), which all fall due together, so its whole text goes once it
	 * names one of these. Found by their topic, their moment and the address in their
	 * text.
	 */
	private void scrubExpiryNotices(List<Due> expired) {
		this.outbox.removeTextsNaming(InvitationMailer.EXPIRED_TOPIC,
				expired.stream().map((invitation) -> new Mention(invitation.endedAt(), invitation.email())).toList());
	}

	/**
	 * Whether every invitation of the account has had its personal data removed: none
	 * pending (a person invited again keeps their address), none ended more recently.
	 */
	private boolean nothingElseFor(long accountId) {
		return this.jdbc.sql(
				"select not exists (select 1 from invitation where account_id = ? and personal_data_removed_at is null)")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

	private double lastRunSeconds() {
		Instant last = this.lastRun;
		return (last != null) ? last.toEpochMilli() / 1000.0 : 0.0;
	}

	private record Due(long id, long accountId, InvitationStatus status, Instant endedAt, String email, String name,
			AccountStatus accountStatus) {
	}

}
