package com.videocall.admin.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.videocall.admin.reminders.ReminderSchedule.Next;
import com.videocall.admin.reminders.ReminderSchedules.Applying;
import com.videocall.admin.web.AppProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the automatic reminders that are due (AR2), once a minute. ShedLock keeps two
 * instances from running the round at the same time, but exactly-once does not rest on
 * it: each reminder is claimed in the database in the transaction that sends it
 * ({@link ReminderSender#remindAutomatically}), so rounds that overlap anyway (a lock
 * that ran out, a test calling {@link #sendDue} twice) send each step once.
 */
@Component
public class AutomaticReminders {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "automatic-reminders";

	private static final Logger log = LoggerFactory.getLogger(AutomaticReminders.class);

	/** The shortest "Remind after" is one day, which is never less than 23 hours. */
	private static final Duration SHORTEST = Duration.ofHours(23);

	private final ReminderSchedules schedules;

	private final ReminderSender sender;

	private final Duration interval;

	private final ZoneId zone;

	private final Clock clock;

	AutomaticReminders(ReminderSchedules schedules, ReminderSender sender, ReminderProperties properties,
			AppProperties app, Clock clock) {
		this.schedules = schedules;
		this.sender = sender;
		this.interval = properties.reminderInterval();
		this.zone = app.timeZone();
		this.clock = clock;
	}

	@Scheduled(cron = "30 * * * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "10m")
	public void run() {
		int sent = sendDue(this.clock.instant());
		if (sent > 0) {
			log.info("Automatic reminders sent: {}", sent);
		}
	}

	/** Sends every reminder due at {@code now}; returns how many this call sent. */
	public int sendDue(Instant now) {
		int sent = 0;
		for (Applying scheduled : this.schedules.invitees(null, now.minus(SHORTEST))) {
			Optional<Next> due = scheduled.schedule().dueAt(scheduled.invitee(), now, this.interval, this.zone);
			if (due.isPresent()) {
				try {
					if (this.sender.remindAutomatically(scheduled.invitee().invitationId(), due.get().step(), now)) {
						sent++;
					}
				}
				catch (DataAccessException ex) {
					// Changed by someone else at that moment: the next round looks again.
					log.warn("Automatic reminder for invitation {} not sent: {}", scheduled.invitee().invitationId(),
							ex.getMessage());
				}
			}
		}
		return sent;
	}

	/**
	 * When the invitation's next automatic reminder will go out, if one will (the Manage
	 * Invitation dialog); one already due goes out now.
	 */
	public Optional<Instant> next(long invitationId) {
		return planned(invitationId).map(Planned::at);
	}

	/**
	 * The next automatic reminder and the area whose settings it follows (that of the
	 * earliest invited role).
	 */
	private Optional<Planned> planned(long invitationId) {
		return this.schedules.invitees(invitationId, everInvited()).stream().findFirst().flatMap(this::planned);
	}

	/** The same for an invitation and the settings that apply to it, read already. */
	public Optional<Planned> planned(Applying scheduled) {
		Instant now = this.clock.instant();
		return scheduled.schedule()
			.next(scheduled.invitee(), this.interval, this.zone)
			.map((next) -> new Planned(next.at().isBefore(now) ? now : next.at(), scheduled.areaId()));
	}

	/**
	 * A moment after every invitation's: {@code :before} of
	 * {@link ReminderSchedules#APPLYING} for one.
	 */
	public Instant everInvited() {
		return this.clock.instant().plus(Duration.ofDays(36600));
	}

	/** When the next automatic reminder goes, following the settings of which area. */
	public record Planned(Instant at, long areaId) {
	}

}
