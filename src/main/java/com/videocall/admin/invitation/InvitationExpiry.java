package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.invitation.InvitationEmails.ExpiredInvitation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the pending invitations whose close moment has passed as expired (LC2), every
 * {@code app.invitations.expiry-interval}, on one instance at a time (ShedLock's lock
 * {@value #LOCK}, taken here rather than with {@code @SchedulerLock} because the task is
 * registered with the interval from {@link InvitationProperties}, whose default lives
 * there only). An instance's first round waits one interval after it started.
 * Exactly-once does not rest on the lock: each batch locks its invitations
 * ({@code for no key update skip locked}) and expires only those still pending and due,
 * so rounds that overlap anyway expire each invitation once. A due invitation that
 * another transaction held when the batches passed (the outbox recording one of its
 * emails delivered, whose trigger locks it to refresh its Pending Invitations keys; an
 * administrator's action; another round) is not left pending until the next round: the
 * round then waits for it, in a transaction of its own per invitation ({@link #HELD}).
 * <p>
 * Each batch of at most {@value #BATCH} due invitations, read on the partial index
 * {@code invitation_closing} in close order, is one transaction: the invitations expire
 * through the aggregate (the activity trail records "Invitation expired" for each, with
 * its roles' areas), and each administrator who invited one of their roles, and still
 * administers one of those areas, gets one email for the batch, queued in the outbox in
 * the same transaction. It lists each invitee with the areas of that administrator's
 * scope and the moment the invitation closed. After downtime the job catches up in the
 * same batches: nobody is told twice, what the email says stays true however late it
 * goes, and an administrator gets one email per batch rather than one per invitation.
 */
@Component
public class InvitationExpiry implements SchedulingConfigurer {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "invitation-expiry";

	/** How many due invitations one transaction expires. */
	public static final int BATCH = 100;

	/**
	 * A batch of the invitations due at a moment, in close order, read on the partial
	 * index {@code invitation_closing} (V25): only due rows are touched, and those
	 * another transaction holds are skipped for now. {@code no key update} is the lock
	 * the expiry's update takes anyway: it does not wait for, nor skip, an invitation
	 * that a transaction only references (a new role, link or reminder row). Public for
	 * the plan tests and EndingsBenchmark, which explain it.
	 */
	public static final String DUE = """
			select id from invitation where status = 'PENDING' and closes_at <= ?
			order by closes_at, id limit ? for no key update skip locked
			""";

	/**
	 * The invitations still due once the batches have passed: those another transaction
	 * held then (at most a batch per round running at the same time, and what the outbox
	 * or an administrator held for a moment).
	 */
	static final String STILL_DUE = """
			select id from invitation where status = 'PENDING' and closes_at <= ?
			order by closes_at, id limit ?
			""";

	/**
	 * One of those, locked once its holder has finished, if it is still pending and due
	 * then (PostgreSQL reads the row again after waiting: one another round expired, or
	 * an administrator's reminder moved on, is not returned).
	 */
	static final String HELD = """
			select id from invitation where id = ? and status = 'PENDING' and closes_at <= ? for no key update
			""";

	/**
	 * How long a round waits for an invitation another transaction holds; one held longer
	 * is left to the next round (and logged).
	 */
	private static final Duration HOLDER_WAIT = Duration.ofSeconds(10);

	/** Longer than a round of thousands of due invitations takes. */
	private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(InvitationExpiry.class);

	private final JdbcClient jdbc;

	private final InvitationRepository invitations;

	private final InvitationChanges changes;

	private final InvitationMailer mailer;

	private final AccountManagement accounts;

	private final AdministratorScopes scopes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Timer runs;

	private final Duration interval;

	private final LockingTaskExecutor locks;

	private volatile Instant lastRun;

	InvitationExpiry(JdbcClient jdbc, InvitationRepository invitations, InvitationChanges changes,
			InvitationMailer mailer, AccountManagement accounts, AdministratorScopes scopes,
			PlatformTransactionManager transactions, Clock clock, MeterRegistry meters, InvitationProperties properties,
			LockProvider locks) {
		this.interval = properties.expiryInterval();
		this.locks = new DefaultLockingTaskExecutor(locks);
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.changes = changes;
		this.mailer = mailer;
		this.accounts = accounts;
		this.scopes = scopes;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.runs = Timer.builder("videocall.invitations.expiry.runs")
			.description("Runs of the job that ends invitations not accepted within their lifetime")
			.register(meters);
		Gauge.builder("videocall.invitations.expiry.last.timestamp", this, InvitationExpiry::lastRunSeconds)
			.description("When this instance last finished that job, in seconds since the epoch; 0: never")
			.baseUnit("seconds")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::run, this.interval, this.interval));
	}

	/** A round, unless another instance runs one (then this instance skips it). */
	public void run() {
		this.locks.executeWithLock((Runnable) () -> {
			int expired = expireDue(this.clock.instant());
			if (expired > 0) {
				log.info("Invitations expired: {}", expired);
			}
		}, new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST_FOR, Duration.ZERO));
	}

	/**
	 * Expires every invitation due at {@code now}; returns how many this call expired.
	 * First in batches that skip the invitations another transaction holds, then each of
	 * those that is still due, waiting for its holder: no invitation due at {@code now}
	 * is left pending because something else touched it at that moment.
	 */
	public int expireDue(Instant now) {
		long start = System.nanoTime();
		int expired = 0;
		int batch;
		do {
			batch = this.transactions.execute((status) -> expireBatch(now));
			expired += batch;
		}
		while (batch == BATCH);
		for (long held : this.jdbc.sql(STILL_DUE).params(Timestamp.from(now), BATCH).query(Long.class).list()) {
			expired += expireOnceFree(held, now);
		}
		this.runs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		this.lastRun = this.clock.instant();
		return expired;
	}

	/**
	 * One batch: the due invitations no other transaction holds, expired, and one email
	 * per administrator who invited them. Returns how many it read (a full batch: there
	 * may be more).
	 */
	private int expireBatch(Instant now) {
		List<Long> due = this.jdbc.sql(DUE).params(Timestamp.from(now), BATCH).query(Long.class).list();
		Map<Long, List<ExpiredInvitation>> byInviter = new LinkedHashMap<>();
		for (long id : due) {
			Invitation invitation = this.invitations.findWithRoles(id).orElseThrow();
			if (invitation.isDue(now)) {
				expire(invitation, now, byInviter);
			}
		}
		byInviter.forEach((inviter, expired) -> tell(inviter, expired, now));
		return due.size();
	}

	/**
	 * Expires an invitation that was held when the batches passed, once its holder has
	 * finished, in a transaction of its own (while it waits, the round holds no other
	 * invitation); 1 if it did. Its inviters get an email about it alone.
	 */
	private int expireOnceFree(long id, Instant now) {
		try {
			Integer expired = this.transactions.execute((status) -> {
				this.jdbc.sql("set local lock_timeout = " + HOLDER_WAIT.toMillis()).update();
				if (this.jdbc.sql(HELD).params(id, Timestamp.from(now)).query(Long.class).optional().isEmpty()) {
					return 0;
				}
				Invitation invitation = this.invitations.findWithRoles(id).orElseThrow();
				if (!invitation.isDue(now)) {
					return 0;
				}
				expireNow(invitation, now);
				return 1;
			});
			return (expired != null) ? expired : 0;
		}
		catch (PessimisticLockingFailureException ex) {
			log.warn("Invitation {} is due but was held longer than {}: left to the next round ({})", id, HOLDER_WAIT,
					ex.getMessage());
			return 0;
		}
	}

	/**
	 * Expires one due invitation in the caller's transaction, which has it locked, and
	 * tells the administrators who invited it: for Add Users, which may find an
	 * invitation due before this job has ended it.
	 */
	void expireNow(Invitation invitation, Instant now) {
		Map<Long, List<ExpiredInvitation>> byInviter = new LinkedHashMap<>();
		expire(invitation, now, byInviter);
		byInviter.forEach((inviter, expired) -> tell(inviter, expired, now));
	}

	/** Expires the invitation and adds it to what each of its inviters is told. */
	private void expire(Invitation invitation, Instant now, Map<Long, List<ExpiredInvitation>> byInviter) {
		String invitee = this.accounts.get(invitation.getAccountId()).getEmail();
		invitation.expire(now);
		this.changes.save(invitation, invitee);
		Map<Long, List<Long>> areasByInviter = new LinkedHashMap<>();
		for (InvitedRole role : invitation.getRoles()) {
			List<Long> areas = areasByInviter.computeIfAbsent(role.getInvitedBy(), (inviter) -> new ArrayList<>());
			if (!areas.contains(role.getAreaId())) {
				areas.add(role.getAreaId());
			}
		}
		areasByInviter.forEach((inviter, areas) -> byInviter.computeIfAbsent(inviter, (key) -> new ArrayList<>())
			.add(new ExpiredInvitation(invitee, areas, invitation.getClosesAt())));
	}

	/**
	 * Emails the administrator about their invitations that expired, naming only the
	 * areas they administer now; nothing when their account is no longer active or none
	 * of those areas is theirs any more.
	 */
	private void tell(long inviterId, List<ExpiredInvitation> expired, Instant now) {
		UserAccount inviter = this.accounts.get(inviterId);
		if (inviter.getStatus() != AccountStatus.ACTIVE) {
			return;
		}
		AdministratorScope scope = this.scopes.forAccount(inviterId);
		List<ExpiredInvitation> inScope = expired.stream()
			.map((invitation) -> new ExpiredInvitation(invitation.person(),
					invitation.areaIds().stream().filter(scope::covers).toList(), invitation.closedAt()))
			.filter((invitation) -> !invitation.areaIds().isEmpty())
			.toList();
		if (!inScope.isEmpty()) {
			this.mailer.invitationsExpired(inviter.getEmail(), inScope, now);
		}
	}

	private double lastRunSeconds() {
		Instant last = this.lastRun;
		return (last != null) ? last.toEpochMilli() / 1000.0 : 0.0;
	}

}
