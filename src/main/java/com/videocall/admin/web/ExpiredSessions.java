package com.videocall.admin.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions from PostgreSQL once a minute, on one instance at a time (S1).
 * Spring Session's own clean-up is switched off
 * ({@code spring.session.jdbc.cleanup-cron=-}): it runs on every instance, each one
 * deleting the same rows at the same moment. The delete is the same one statement
 * ({@code EXPIRY_TIME < now}), so an instance whose clock runs a little behind may repeat
 * it harmlessly after another has finished; two never run it at once.
 */
@Component
public class ExpiredSessions {

	/** The name of this job's lock in the table {@code shedlock}. */
	public static final String LOCK = "expired-sessions";

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	/** Deletes the expired sessions, unless another instance is doing so right now. */
	@Scheduled(cron = "0 * * * * *")
	@SchedulerLock(name = LOCK, lockAtMostFor = "5m")
	public void delete() {
		this.sessions.cleanUpExpiredSessions();
	}

}
