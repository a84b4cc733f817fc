package com.videocall.admin.invitation;

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

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryEntry.RoleInArea;
import com.videocall.admin.mail.EmailDelivery;
import com.videocall.admin.mail.EmailStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an invitation: who did what, when, from which page (X3). An
 * administrator only ever reads the part inside their scope (X1):
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
 * <li>the invitee's own entries ("New link requested") name nobody else and are shown to
 * everyone who sees the invitation.</li>
 * </ul>
 * A System Administrator reads everything. The entries are written by
 * {@link HistoryRecorder}.
 */
@Component
class InvitationHistory {

	private final JdbcClient jdbc;

	InvitationHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The entries the administrator may read, in order (see the class comment), and the
	 * emails those entries' actions queued, newest first: an email shows to those who
	 * read the entry of the action that queued it, not the emails other areas' roles
	 * caused. One statement; names of actors and areas come from the views
	 * {@code account_profile} and {@code directory_area} that their modules publish, the
	 * emails from the outbox's table by the topic and reference this module queued them
	 * with ({@link InvitationMailer}).
	 */
	Visible visibleTo(AdministratorScope scope, long invitationId) {
		List<Row> rows = this.jdbc.sql("""
				select e.id, case when e.type = 'REMINDER_SENT' and e.actor_id is null then 'AUTOMATIC_REMINDER_SENT'
				            else e.type end, e.actor_id, a.display_name, e.occurred_at, e.source_page,
				       r.role, r.area_id, ar.name,
				       array(select x.area_id from invitation_event_area x where x.event_id = e.id) as done_for,
				       o.id, o.recipient, o.subject, o.status, o.attempts, o.created_at, o.sent_at, o.last_error
				from invitation_event e left join account_profile a on a.id = e.actor_id
				left join invitation_event_role r on r.event_id = e.id left join directory_area ar on ar.id = r.area_id
				left join outbound_email o on o.topic = invitation_topic(e.invitation_id)
				                          and o.reference = invitation_event_reference(e.id)
				where e.invitation_id = ? order by e.occurred_at, e.id, ar.name, r.role, o.id
				""")
			.param(invitationId)
			.query((rs, row) -> new Row(rs.getLong(1), HistoryType.valueOf(rs.getString(2)), rs.getObject(3) != null,
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getLong(8),
					rs.getString(9), ids(rs.getArray(10)), email(rs)))
			.list();
		Map<Long, List<Row>> byEvent = new LinkedHashMap<>();
		rows.forEach((row) -> byEvent.computeIfAbsent(row.eventId(), (id) -> new ArrayList<>()).add(row));
		List<HistoryEntry> entries = new ArrayList<>();
		Map<Long, EmailDelivery> emails = new LinkedHashMap<>();
		for (List<Row> event : byEvent.values()) {
			Row first = event.get(0);
			List<Row> withRoles = roles(event);
			List<RoleInArea> visible = withRoles.stream()
				.filter((row) -> scope.covers(row.areaId()))
				.map((row) -> new RoleInArea(Role.valueOf(row.role()), row.areaName()))
				.toList();
			HistoryEntry entry;
			if (!withRoles.isEmpty()) {
				entry = visible.isEmpty() ? null : HistoryEntry.of(first.eventId(), first.type(), first.actor(),
						first.at(), first.sourcePage(), visible);
			}
			else if (!first.byAdministrator() || scope.everything()
					|| first.doneFor().stream().anyMatch(scope::covers)) {
				entry = HistoryEntry.of(first.eventId(), first.type(), first.actor(), first.at(), first.sourcePage(),
						List.of());
			}
			else {
				entry = HistoryEntry.byAnotherArea(first.eventId(), first.type(), first.at());
			}
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

	/** The entry's roles, once each (its rows repeat them for each of its emails). */
	private static List<Row> roles(List<Row> event) {
		Map<String, Row> roles = new LinkedHashMap<>();
		event.stream()
			.filter((row) -> row.role() != null)
			.forEach((row) -> roles.putIfAbsent(row.role() + "@" + row.areaId(), row));
		return List.copyOf(roles.values());
	}

	private static EmailDelivery email(ResultSet rs) throws SQLException {
		long id = rs.getLong(11);
		if (rs.wasNull()) {
			return null;
		}
		Timestamp sentAt = rs.getTimestamp(17);
		return new EmailDelivery(id, rs.getString(12), rs.getString(13), EmailStatus.valueOf(rs.getString(14)),
				rs.getInt(15), rs.getTimestamp(16).toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString(18));
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	/** One row per entry, role in it and email its action queued (each may be absent). */
	private record Row(long eventId, HistoryType type, boolean byAdministrator, String actor, Instant at,
			String sourcePage, String role, long areaId, String areaName, List<Long> doneFor, EmailDelivery email) {
	}

	/** What of an invitation's history an administrator reads, and its emails. */
	record Visible(List<HistoryEntry> entries, List<EmailDelivery> emails) {
	}

}
