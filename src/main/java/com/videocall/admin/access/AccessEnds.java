package com.videocall.admin.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;
import com.videocall.admin.invitation.InvitedAccess;
import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the access of roles whose last day is over in app.time-zone (LC1), every 15
 * minutes, so that a role ends within a quarter of an hour after midnight and an instance
 * that was down catches up at its first round: granted roles are taken away, invited
 * roles leave their invitation (which is cancelled when nothing remains). ShedLock keeps
 * two instances from running a round at once, but once-only does not rest on it: each
 * role is ended by a statement that only one transaction can win (a conditional delete;
 * the invitation's row lock), so overlapping rounds end each role once. Batches of
 * {@link #BATCH}, by id, each role in a transaction of its own.
 */
@Component
public class AccessEnds {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "access-ends";

	/** How many due roles one query reads. */
	public static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(AccessEnds.class);

	private final TimedRoleGrants grants;

	private final GrantedAccess granted;

	private final InvitedAccess invited;

	private final ZoneId zone;

	private final Clock clock;

	private final Counter grantsEnded;

	private final Counter invitedEnded;

	AccessEnds(TimedRoleGrants grants, GrantedAccess granted, InvitedAccess invited, AppProperties app, Clock clock,
			MeterRegistry meters) {
		this.grants = grants;
		this.granted = granted;
		this.invited = invited;
		this.zone = app.timeZone();
		this.clock = clock;
		this.grantsEnded = Counter.builder("videocall.access.ended")
			.tag("role", "granted")
			.description("Roles whose access ended at the end of their last day")
			.register(meters);
		this.invitedEnded = Counter.builder("videocall.access.ended")
			.tag("role", "invited")
			.description("Roles whose access ended at the end of their last day")
			.register(meters);
	}

	@Scheduled(cron = "15 */15 * * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "10m")
	public void run() {
		Ended ended = endDue(this.clock.instant());
		if (ended.granted() + ended.invited() > 0) {
			log.info("Access ended: {} granted roles, {} invited roles", ended.granted(), ended.invited());
		}
	}

	/**
	 * Ends every role whose last day is before the day of {@code now} in app.time-zone;
	 * returns how many this call ended.
	 */
	public Ended endDue(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		int granted = 0;
		long after = 0;
		List<TimedGrant> due;
		do {
			due = this.grants.ended(today, after, BATCH);
			for (TimedGrant grant : due) {
				after = grant.id();
				if (tryEnding(() -> this.granted.end(grant.id(), today, now), "role grant", grant.id())) {
					granted++;
				}
			}
		}
		while (due.size() == BATCH);
		int invited = 0;
		after = 0;
		List<Long> invitations;
		do {
			invitations = this.invited.withEndedRoles(today, after, BATCH);
			for (long invitation : invitations) {
				after = invitation;
				int[] count = { 0 };
				tryEnding(() -> {
					count[0] = this.invited.endAccess(invitation, today, now).size();
					return count[0] > 0;
				}, "invitation", invitation);
				invited += count[0];
			}
		}
		while (invitations.size() == BATCH);
		this.grantsEnded.increment(granted);
		this.invitedEnded.increment(invited);
		return new Ended(granted, invited);
	}

	private static boolean tryEnding(Ending ending, String what, long id) {
		try {
			return ending.end();
		}
		catch (DataAccessException ex) {
			// Changed by someone else at that moment: the next round looks again.
			log.warn("Access of {} {} not ended: {}", what, id, ex.getMessage());
			return false;
		}
	}

	private interface Ending {

		boolean end();

	}

	/** How many granted and invited roles one round ended. */
	public record Ended(int granted, int invited) {
	}

}
