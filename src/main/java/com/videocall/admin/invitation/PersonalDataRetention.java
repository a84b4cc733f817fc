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
 * and records nothing. After downtime the next round catches up in the same batches.
 */
@Component
public class PersonalDataRetention implements SchedulingConfigurer {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "personal-data-retention";

	/** What a removed email's subject, text and HTML say instead. */
	static final String REMOVED_SUBJECT = "(removed)";

	static final String REMOVED_TEXT = "Removed: personal data is kept only as long as needed.";

	static final String REMOVED_HTML = "<p>" + REMOVED_TEXT + "</p>";

	static final int BATCH = 500;

	/**
	 * A batch of the invitations due at a cutoff, oldest end first, with their invitees'
	 * address and name (the account module's view), on the partial index
	 * {@code invitation_retention_due}; those another round holds are left to it.
	 */
	static final String DUE = """
			select i.id, i.account_id, i.status, i.ended_at, p.email, p.display_name, p.status as account_status
			from invitation i join account_profile p on p.id = i.account_id
			where i.ended_at is not null and i.personal_data_removed_at is null and i.ended_at <= ?
			order by i.ended_at, i.id limit ? for update of i skip locked
			""";

	/**
	 * The emails of a batch of invitations, each found on the index
	 * {@code outbound_email_topic} by its invitation's topic: parameters the removed
	 * subject, text, HTML and delivery error, then the invitations' ids, their invitees'
	 * placeholders, addresses and names.
	 */
	static final String SCRUB_EMAILS = """
			update outbound_email o
			set recipient = case when lower(o.recipient) = lower(d.email) then d.placeholder else o.recipient end,
			    subject = case when strpos(lower(o.subject), lower(d.email)) > 0
			                     or strpos(lower(o.subject), lower(d.name)) > 0 then ? else o.subject end,
			    text_body = ?, html_body = ?, secrets = null,
			    last_error = case when strpos(lower(o.last_error), lower(d.email)) > 0 then ? else o.last_error end
			from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) d (invitation_id, placeholder, email, name)
			where o.topic = invitation_topic(d.invitation_id)
			""";

	private static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);

	private static final Duration FIRST_ROUND_AT_MOST_AFTER = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

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

	PersonalDataRetention(JdbcClient jdbc, AccountManagement accounts, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, AppProperties app, RetentionProperties properties,
			MeterRegistry meters, LockProvider locks) {
		this.jdbc = jdbc;
		this.accounts = accounts;
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
			batch = this.transactions.execute((status) -> removeBatch(cutoff, now));
			this.removed.increment(batch);
			total += batch;
		}
		while (batch == BATCH);
		this.runs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		this.lastRun = this.clock.instant();
		return total;
	}

	private int removeBatch(Instant cutoff, Instant now) {
		List<Due> due = this.jdbc.sql(DUE)
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
	 * The emails of the invitations (their topic): the texts go, the invitee's address as
	 * recipient becomes the placeholder of their account, and a subject or a delivery
	 * error that names them goes; an administrator's address, the status, times and
	 * attempts stay.
	 */
	private void scrubEmails(List<Due> due) {
		this.jdbc.sql(SCRUB_EMAILS)
			.params(REMOVED_SUBJECT, REMOVED_TEXT, REMOVED_HTML, REMOVED_SUBJECT,
					due.stream().map(Due::id).toArray(Long[]::new),
					due.stream()
						.map((invitation) -> EmailAddresses.removed(invitation.accountId()))
						.toArray(String[]::new),
					due.stream().map(Due::email).toArray(String[]::new),
					due.stream().map(Due::name).toArray(String[]::new))
			.update();
	}

	/**
	 * The emails that told administrators which invitations expired: each lists only
	 * invitations that ended at the moment it was queued (one expiry round's batch, or
	 * Add Users ending one), which all fall due together, so its whole text goes once it
	 * names one of these. Found by their topic, their moment (within a millisecond, the
	 * precision both were written with) and the address in their text.
	 */
	private void scrubExpiryNotices(List<Due> expired) {
		if (expired.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update outbound_email o
				set text_body = ?, html_body = ?
				from unnest(?::timestamptz[], ?::text[]) d (ended_at, email)
				where o.topic = ? and o.created_at between d.ended_at - interval '1 millisecond'
				                                      and d.ended_at + interval '1 millisecond'
				  and strpos(lower(o.text_body), lower(d.email)) > 0
				""")
			.params(REMOVED_TEXT, REMOVED_HTML,
					expired.stream()
						.map((invitation) -> Timestamp.from(invitation.endedAt()))
						.toArray(Timestamp[]::new),
					expired.stream().map(Due::email).toArray(String[]::new), InvitationMailer.EXPIRED_TOPIC)
			.update();
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
