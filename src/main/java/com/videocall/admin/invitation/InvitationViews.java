package com.videocall.admin.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.HeldRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.InvitationHistory.Visible;
import com.videocall.admin.invitation.InvitationView.RoleLine;
import com.videocall.admin.reminders.AutomaticReminders;
import com.videocall.admin.reminders.ReminderProperties;
import com.videocall.admin.reminders.ReminderSchedules.Applying;
import com.videocall.admin.reminders.ReminderSchedules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an invitation as one administrator may see it, for the Manage Invitation dialog:
 * the invitation, its roles with their areas' and inviters' names, the invitee's email,
 * the newest link's expiry and the automatic reminder settings that apply in one
 * statement (a read model, decision 2), then its history with its emails in another.
 */
@Service
public class InvitationViews {

	/**
	 * One row per role (none: one row with a null role), each with the invitation's
	 * fields and, when automatic reminders apply to it, their settings.
	 */
	private static final String INVITATION = ReminderSchedules.APPLYING
			+ """
					select i.id, i.version, i.account_id, case when i.personal_data_removed_at is null then invitee.email end as email,
					       i.status, i.invited_at, i.reminders_sent,
					       i.last_sent_at, i.last_reminded_at, i.closes_at,
					       invitation_link_expires_at(i.id) as link_expires_at,
					       r.id as role_id, r.role, r.area_id, area.name, r.invited_at as role_invited_at, r.access_until,
					       inviter.display_name as invited_by, applying.*
					from invitation i join account_profile invitee on invitee.id = i.account_id
					left join invited_role r on r.invitation_id = i.id
					left join directory_area area on area.id = r.area_id
					left join account_profile inviter on inviter.id = r.invited_by
					left join applying on applying.applying_id = i.id
					where i.id = :id
					order by r.id
					""";

	private final InvitationAccess access;

	private final JdbcClient jdbc;

	private final InvitationHistory history;

	private final ReminderProperties reminders;

	private final AutomaticReminders automaticReminders;

	private final Clock clock;

	InvitationViews(InvitationAccess access, JdbcClient jdbc, InvitationHistory history, ReminderProperties reminders,
			AutomaticReminders automaticReminders, Clock clock) {
		this.automaticReminders = automaticReminders;
		this.access = access;
		this.jdbc = jdbc;
		this.history = history;
		this.reminders = reminders;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public InvitationView get(AdministratorScope scope, long invitationId) {
		List<Row> rows = this.jdbc.sql(INVITATION)
			.param("id", invitationId)
			.param("before", Timestamp.from(this.automaticReminders.everInvited()))
			.query(InvitationViews::row)
			.list();
		if (rows.isEmpty()) {
			throw new InvitationNotFoundException("invitation " + invitationId);
		}
		Row invitation = rows.get(0);
		List<Row> offered = rows.stream().filter((row) -> row.role() != null).toList();
		this.access.requireVisible(scope, invitationId, invitation.status() == InvitationStatus.PENDING,
				offered.stream().map(Row::areaId).toList());
		List<Row> visible = offered.stream().filter((row) -> scope.covers(row.areaId())).toList();
		List<RoleLine> roles = visible.stream()
			.map((row) -> new RoleLine(row.roleId(), row.role(), row.areaId(), row.areaName(), row.roleInvitedAt(),
					row.invitedBy(), row.accessUntil()))
			.sorted(Comparator.comparing(RoleLine::areaName).thenComparing(RoleLine::role))
			.toList();
		// "Invited by" is the first role in scope: an earlier invitation from another
		// area stays unseen.
		Row first = visible.stream().min(Comparator.comparing(Row::roleInvitedAt)).orElse(null);
		Instant now = this.clock.instant();
		Instant nextReminder = Invitation.nextReminderAt(invitation.invitedAt(), invitation.lastRemindedAt(),
				this.reminders.reminderInterval());
		Instant expiresAt = invitation.linkExpiresAt();
		Visible history = this.history.visibleTo(scope, invitationId);
		return new InvitationView(invitationId, invitation.version(), invitation.accountId(), invitation.email(),
				invitation.status(), (first != null) ? first.roleInvitedAt() : invitation.invitedAt(),
				(first != null) ? first.invitedBy() : null, invitation.remindersSent(), invitation.lastSentAt(),
				expiresAt, expiresAt != null && !now.isBefore(expiresAt), nextReminder, !now.isBefore(nextReminder),
				roles, history.entries(), history.emails(),
				Optional.ofNullable(invitation.applying()).flatMap(this.automaticReminders::planned),
				invitation.closesAt());
	}

	private static Row row(ResultSet rs, int rowNumber) throws SQLException {
		String role = rs.getString("role");
		rs.getLong("applying_id");
		Applying applying = rs.wasNull() ? null : ReminderSchedules.applying(rs);
		return new Row(rs.getLong("version"), rs.getLong("account_id"), rs.getString("email"),
				InvitationStatus.valueOf(rs.getString("status")), instant(rs, "invited_at"),
				rs.getInt("reminders_sent"), instant(rs, "last_sent_at"), instant(rs, "last_reminded_at"),
				instant(rs, "closes_at"), instant(rs, "link_expires_at"), rs.getLong("role_id"),
				(role != null) ? Role.valueOf(role) : null, rs.getLong("area_id"), rs.getString("name"),
				instant(rs, "role_invited_at"), rs.getString("invited_by"),
				HeldRole.localDate(rs.getDate("access_until")), applying);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The invitation, repeated on each of its roles' rows (no role: role is null), with
	 * the automatic reminder settings that apply to it (none: null).
	 */
	private record Row(long version, long accountId, String email, InvitationStatus status, Instant invitedAt,
			int remindersSent, Instant lastSentAt, Instant lastRemindedAt, Instant closesAt, Instant linkExpiresAt,
			long roleId, Role role, long areaId, String areaName, Instant roleInvitedAt, String invitedBy,
			LocalDate accessUntil, Applying applying) {
	}

}
