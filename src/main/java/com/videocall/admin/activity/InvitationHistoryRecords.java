package com.videocall.admin.activity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryEntry;
import com.videocall.admin.invitation.HistoryEntry.RoleInArea;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.InvitationHistory;
import com.videocall.admin.mail.EmailDelivery;
import com.videocall.admin.mail.EmailStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an invitation: who did what, when, from which page (X3), read from the
 * trail's entries for it (AC4). An administrator only ever reads the part inside their
 * scope (X1):
 * <ul>
 * <li>an entry that concerns roles shows only the roles in scope, and is left out when
 * none is;</li>
 * <li>an administrator's entry without roles (a reminder) keeps the areas it was done
 * for: the area whose page it came from, or, from the Manage Invitation dialog, the areas
 * of the invitation's roles in that administrator's scope. Administrators of one of them
 * read who did it and from which page; everyone else reads that an administrator of
 * another area did it, without name or page, since the page may name an area and the name
 * an administrator they must not know. The entry itself stays: the reminder changed what
 * they share (the working link, the reminder interval);</li>
 * <li>the invitee's own entries ("New link requested", "Invitation declined") and
 * automatic reminders name nobody else and are shown to everyone who sees the
 * invitation.</li>
 * </ul>
 * A System Administrator reads everything.
 */
@Component
class InvitationHistoryRecords implements InvitationHistory {

	private final JdbcClient jdbc;

	InvitationHistoryRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The entries the administrator may read, in order (see the class comment), and the
	 * emails those entries' actions queued, newest first: an email shows to those who
	 * read the entry of the action that queued it, not the emails other areas' roles
	 * caused. One statement; names of actors and areas come from the views
	 * {@code account_profile} and {@code directory_area} that their modules publish, the
	 * emails from the outbox's table by the invitation's topic and the event's reference.
	 */
	@Override
	public Visible visibleTo(AdministratorScope scope, long invitationId) {
		List<Row> rows = this.jdbc.sql("""
				select e.id, e.kind, e.actor_id is not null and e.actor_id <> e.person_id, a.display_name,
				       e.occurred_at, e.source_page, x.area_id, x.roles, ar.name,
				       o.id, o.recipient, o.subject, o.status, o.attempts, o.created_at, o.sent_at, o.last_error
				from activity_entry e left join account_profile a on a.id = e.actor_id
				left join activity_entry_area x on x.entry_id = e.id left join directory_area ar on ar.id = x.area_id
				left join outbound_email o on o.topic = invitation_topic(e.invitation_id)
				                          and o.reference = invitation_event_reference(e.reference)
				where e.invitation_id = ? order by e.occurred_at, e.id, ar.name, o.id
				""").param(invitationId).query((rs, row) -> row(rs)).list();
		Map<Long, List<Row>> byEvent = new LinkedHashMap<>();
		rows.forEach((row) -> byEvent.computeIfAbsent(row.entryId(), (id) -> new ArrayList<>()).add(row));
		List<HistoryEntry> entries = new ArrayList<>();
		Map<Long, EmailDelivery> emails = new LinkedHashMap<>();
		for (List<Row> event : byEvent.values()) {
			HistoryEntry entry = entry(scope, event);
			if (entry != null) {
				entries.add(entry);
				event.stream()
					.map(Row::email)
					.filter(Objects::nonNull)
					.forEach((email) -> emails.putIfAbsent(email.id(), email));
			}
		}
		List<EmailDelivery> newestFirst = emails.values()
			.stream()
			.sorted(Comparator.comparing(EmailDelivery::createdAt).thenComparing(EmailDelivery::id).reversed())
			.toList();
		return new Visible(entries, newestFirst);
	}

	@Override
	public boolean concernsRoleIn(AdministratorScope scope, long invitationId) {
		return this.jdbc.sql("""
				select exists (select 1 from activity_entry e join activity_entry_area x on x.entry_id = e.id
				               where e.invitation_id = ? and x.roles <> '{}' and x.area_id = any(?))
				""").params(invitationId, scope.areaIds().toArray(Long[]::new)).query(Boolean.class).single();
	}

	/** The entry as the administrator may read it, or null (see the class comment). */
	private static HistoryEntry entry(AdministratorScope scope, List<Row> event) {
		Row first = event.get(0);
		List<RoleInArea> withRoles = new ArrayList<>();
		Set<Long> doneFor = new LinkedHashSet<>();
		Set<Long> seen = new LinkedHashSet<>();
		for (Row row : event) {
			if (row.areaId() == null || !seen.add(row.areaId())) {
				continue;
			}
			if (row.roles().isEmpty()) {
				doneFor.add(row.areaId());
			}
			else if (scope.covers(row.areaId())) {
				row.roles().forEach((role) -> withRoles.add(roleInArea(role, row.areaName())));
			}
			else {
				withRoles.add(null);
			}
		}
		if (!withRoles.isEmpty()) {
			List<RoleInArea> visible = withRoles.stream().filter(Objects::nonNull).toList();
			return visible.isEmpty() ? null : HistoryEntry.of(first.entryId(), first.type(), first.actor(), first.at(),
					first.sourcePage(), visible);
		}
		if (!first.byAdministrator() || scope.everything() || doneFor.stream().anyMatch(scope::covers)) {
			return HistoryEntry.of(first.entryId(), first.type(), first.actor(), first.at(), first.sourcePage(),
					List.of());
		}
		return HistoryEntry.byAnotherArea(first.entryId(), first.type(), first.at());
	}

	/** A stored role, with what Change Roles did to it, if anything. */
	private static RoleInArea roleInArea(String stored, String areaName) {
		StoredRole role = StoredRole.parse(stored);
		HistoryEntry.Change change = switch (role.change()) {
			case NONE -> null;
			case ADDED -> HistoryEntry.Change.ADDED;
			case REMOVED -> HistoryEntry.Change.REMOVED;
		};
		return new RoleInArea(Role.valueOf(role.role()), areaName, change);
	}

	private static Row row(ResultSet rs) throws SQLException {
		HistoryType type = HistoryType.valueOf(rs.getString(2));
		long areaId = rs.getLong(7);
		Long area = rs.wasNull() ? null : areaId;
		Array roles = rs.getArray(8);
		return new Row(rs.getLong(1), type, rs.getBoolean(3),
				(type == HistoryType.LINK_REQUESTED || type == HistoryType.DECLINED) ? null : rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6), area,
				(roles != null) ? Arrays.asList((String[]) roles.getArray()) : List.of(), rs.getString(9), email(rs));
	}

	private static EmailDelivery email(ResultSet rs) throws SQLException {
		long id = rs.getLong(10);
		if (rs.wasNull()) {
			return null;
		}
		Timestamp sentAt = rs.getTimestamp(16);
		return new EmailDelivery(id, rs.getString(11), rs.getString(12), EmailStatus.valueOf(rs.getString(13)),
				rs.getInt(14), rs.getTimestamp(15).toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString(17));
	}

	/**
	 * One row per entry, area it concerns (with its roles there) and email its action
	 * queued (each may be absent). The invitee's own entries name nobody: their actor is
	 * null, "the invitee".
	 */
	private record Row(long entryId, HistoryType type, boolean byAdministrator, String actor, Instant at,
			String sourcePage, Long areaId, List<String> roles, String areaName, EmailDelivery email) {
	}

}
