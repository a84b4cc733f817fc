package com.videocall.admin.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;
import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails, {@code app.access.warning-before} ahead of the end of a granted role's last day
 * (LC1), the person and each administrator of the area (through a role on it or on a unit
 * above it), every 15 minutes on one instance (ShedLock). Once per role and end date: the
 * grant is marked warned by a conditional update in the transaction that queues the
 * emails, which only one round can win, and a changed end date clears the mark. A round
 * after downtime warns only of access that has not ended yet; access whose last day is
 * over is only ended ({@link AccessEnds}). A warning is an email, not a change, so it is
 * not an entry of the activity trail: "Sent Emails" shows it.
 */
@Component
public class AccessWarnings {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "access-warnings";

	private static final Logger log = LoggerFactory.getLogger(AccessWarnings.class);

	private final TimedRoleGrants grants;

	private final AccountManagement accounts;

	private final AccessWarningEmails emails;

	private final TransactionTemplate transactions;

	private final Duration warningBefore;

	private final ZoneId zone;

	private final Clock clock;

	private final Counter sent;

	AccessWarnings(TimedRoleGrants grants, AccountManagement accounts, AccessWarningEmails emails,
			TransactionTemplate transactions, AccessProperties properties, AppProperties app, Clock clock,
			MeterRegistry meters) {
		this.grants = grants;
		this.accounts = accounts;
		this.emails = emails;
		this.transactions = transactions;
		this.warningBefore = properties.warningBefore();
		this.zone = app.timeZone();
		this.clock = clock;
		this.sent = Counter.builder("videocall.access.warnings.sent")
			.description("Warnings that a role's access ends, one per role and end date")
			.register(meters);
	}

	@Scheduled(cron = "45 */15 * * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "10m")
	public void run() {
		int warned = warnDue(this.clock.instant());
		if (warned > 0) {
			log.info("Access warnings sent for {} roles", warned);
		}
	}

	/**
	 * Warns of every role whose access ends after {@code now} but within
	 * {@code warning-before} of it; returns for how many roles this call did.
	 */
	public int warnDue(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		// A last day d ends when d + 1 starts, which is at most warning-before away when
		// d + 1 is not after the day of (now + warning-before).
		LocalDate lastDue = LocalDate.ofInstant(now.plus(this.warningBefore), this.zone).minusDays(1);
		int warned = 0;
		long after = 0;
		List<TimedGrant> due;
		do {
			due = lastDue.isBefore(today) ? List.of() : this.grants.unwarned(today, lastDue, after, AccessEnds.BATCH);
			for (TimedGrant grant : due) {
				after = grant.id();
				if (warn(grant, now)) {
					warned++;
				}
			}
		}
		while (due.size() == AccessEnds.BATCH);
		this.sent.increment(warned);
		return warned;
	}

	private boolean warn(TimedGrant grant, Instant now) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (!this.grants.claimWarning(grant.id(), grant.accessUntil(), now)) {
					return false;
				}
				UserAccount person = this.accounts.get(grant.accountId());
				if (person.getStatus() == AccountStatus.ACTIVE) {
					this.emails.toPerson(grant, person, now);
				}
				for (long administrator : this.grants.administratorsOf(grant.areaId())) {
					if (administrator != person.getId()) {
						this.emails.toAdministrator(grant, person, this.accounts.get(administrator), now);
					}
				}
				return true;
			}));
		}
		catch (DataAccessException ex) {
			log.warn("Access warning for role grant {} not sent: {}", grant.id(), ex.getMessage());
			return false;
		}
	}

}
