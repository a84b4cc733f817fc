package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.util.Collection;

import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationEvent.InvitationAccepted;
import com.videocall.admin.invitation.InvitationEvent.InvitationCancelled;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RemovalUndone;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.invitation.InvitationEvent.RolesRemoved;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes an invitation's history (X3) from what the {@link Invitation} announces: the
 * only writer of {@code invitation_event} and the tables that hang off it. What an
 * administrator may read of it is {@link InvitationHistory}'s concern.
 * <p>
 * Called by {@link InvitationChanges} when the invitation is saved: the entry belongs in
 * the transaction of the change it records, and the emails of that change are queued for
 * the entry's id in the same transaction (X6).
 */
@Component
class HistoryRecorder {

	private final JdbcClient jdbc;

	HistoryRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the entry for what happened; returns its id. */
	long record(InvitationEvent event) {
		if (event instanceof InvitationSent sent) {
			return byAdministrator(sent, HistoryType.INVITED, sent.by(), sent.offered());
		}
		if (event instanceof RolesOffered offered) {
			return byAdministrator(offered, HistoryType.ROLES_ADDED, offered.by(), offered.added());
		}
		if (event instanceof ReminderSent reminder) {
			// No roles: the areas it was sent for decide who reads who sent it.
			// An automatic one (AR2) has no actor: everyone who sees the invitation reads
			// it.
			long entry = insert(reminder, HistoryType.REMINDER_SENT,
					reminder.by().isSystem() ? null : reminder.by().accountId(), reminder.by().sourcePage());
			for (long areaId : reminder.forAreas()) {
				this.jdbc.sql("insert into invitation_event_area (event_id, area_id) values (?, ?)")
					.params(entry, areaId)
					.update();
			}
			return entry;
		}
		if (event instanceof RolesRemoved removed) {
			return byAdministrator(removed, HistoryType.ROLES_REMOVED, removed.by(), removed.removed());
		}
		if (event instanceof InvitationCancelled cancelled) {
			return byAdministrator(cancelled, HistoryType.CANCELLED, cancelled.by(), cancelled.removed());
		}
		if (event instanceof RemovalUndone undone) {
			return byAdministrator(undone, HistoryType.UNDONE, undone.by(), undone.restored());
		}
		if (event instanceof InvitationAccepted accepted) {
			return withRoles(insert(accepted, HistoryType.ACCEPTED, accepted.accountId(), null), accepted.roles());
		}
		if (event instanceof NewLinkRequested requested) {
			// The invitee's own entry names nobody and concerns no role: everyone who
			// sees
			// the invitation reads it.
			return insert(requested, HistoryType.LINK_REQUESTED, null, null);
		}
		throw new IllegalArgumentException("Not an event of the history: " + event);
	}

	private long byAdministrator(InvitationEvent event, HistoryType type, Actor by, Collection<RoleOffer> roles) {
		return withRoles(insert(event, type, by.accountId(), by.sourcePage()), roles);
	}

	private long withRoles(long entry, Collection<RoleOffer> roles) {
		for (RoleOffer role : roles) {
			this.jdbc
				.sql("insert into invitation_event_role (event_id, role, area_id) values (?, ?, ?) "
						+ "on conflict do nothing")
				.params(entry, role.role().name(), role.areaId())
				.update();
		}
		return entry;
	}

	private long insert(InvitationEvent event, HistoryType type, Long actorId, String sourcePage) {
		return this.jdbc.sql("""
				insert into invitation_event (invitation_id, type, actor_id, occurred_at, source_page)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(event.invitationId(), type.name(), actorId, Timestamp.from(event.at()), sourcePage)
			.query(Long.class)
			.single();
	}

}
