package com.videocall.admin.invitation;

import com.videocall.admin.invitation.InvitationEvent.InvitationAccepted;
import com.videocall.admin.invitation.InvitationEvent.InvitationDeclined;
import com.videocall.admin.invitation.InvitationEvent.InvitationExpired;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import com.videocall.admin.web.AppProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Invitations as the metrics show them: how many are pending (counted on the partial
 * index that keeps one pending invitation per account, read at most once per
 * {@code app.metrics-refresh}), and how many reminders this instance sent and invitations
 * it saw accepted or declined, counted once their transaction has committed.
 */
@Component
class InvitationMetrics {

	private final long refreshNanos;

	private final JdbcClient jdbc;

	private final Counter reminders;

	private final Counter accepted;

	private final Counter declined;

	private final Counter expired;

	private Reading pending;

	InvitationMetrics(JdbcClient jdbc, MeterRegistry meters, AppProperties app) {
		this.refreshNanos = app.metricsRefresh().toNanos();
		this.jdbc = jdbc;
		Gauge.builder("videocall.invitations.pending", this, InvitationMetrics::pending)
			.description("Pending invitations: invited people who have not set up their account yet")
			.register(meters);
		this.reminders = Counter.builder("videocall.invitations.reminders.sent")
			.description("Reminders administrators sent")
			.register(meters);
		this.accepted = Counter.builder("videocall.invitations.accepted")
			.description("Invitations accepted: the invitee set up their account")
			.register(meters);
		this.declined = Counter.builder("videocall.invitations.declined")
			.description("Invitations declined: the person they were sent to said they were not for them")
			.register(meters);
		this.expired = Counter.builder("videocall.invitations.expired")
			.description("Invitations that expired: not accepted within their lifetime")
			.register(meters);
	}

	@TransactionalEventListener
	void reminderSent(ReminderSent reminder) {
		this.reminders.increment();
	}

	@TransactionalEventListener
	void accepted(InvitationAccepted acceptance) {
		this.accepted.increment();
	}

	@TransactionalEventListener
	void declined(InvitationDeclined declined) {
		this.declined.increment();
	}

	@TransactionalEventListener
	void expired(InvitationExpired expiry) {
		this.expired.increment();
	}

	private synchronized double pending() {
		long now = System.nanoTime();
		if (this.pending == null || now - this.pending.readAt() > this.refreshNanos) {
			this.pending = new Reading(this.jdbc.sql("select count(*) from invitation where status = 'PENDING'")
				.query(Long.class)
				.single(), now);
		}
		return this.pending.count();
	}

	private record Reading(long count, long readAt) {
	}

}
