package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryEntry.RoleInArea;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an invitation: who did what, when, from which page. Roles an entry
 * concerns are kept per area so that an administrator only ever reads the part inside
 * their scope.
 */
@Component
class InvitationHistory {

	private final JdbcClient jdbc;

	InvitationHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long invitationId, HistoryType type, Long actorId, Instant at, String sourcePage,
			Collection<InvitedRole> roles) {
		long eventId = this.jdbc.sql("""
				insert into invitation_event (invitation_id, type, actor_id, occurred_at, source_page)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(invitationId, type.name(), actorId, Timestamp.from(at), sourcePage)
			.query(Long.class)
			.single();
		for (InvitedRole role : roles) {
			this.jdbc
				.sql("insert into invitation_event_role (event_id, role, area_id) values (?, ?, ?) "
						+ "on conflict do nothing")
				.params(eventId, role.getRole().name(), role.getAreaId())
				.update();
		}
	}

	/**
	 * Entries in order, each with only its roles in scope; an entry that concerns roles
	 * of other areas only is left out.
	 */
	List<HistoryEntry> visibleTo(AdministratorScope scope, long invitationId) {
		List<Row> rows = this.jdbc.sql("""
				select e.id, e.type, coalesce(a.full_name, a.email), e.occurred_at, e.source_page, r.role, r.area_id,
				       ar.name
				from invitation_event e left join account a on a.id = e.actor_id
				left join invitation_event_role r on r.event_id = e.id left join area ar on ar.id = r.area_id
				where e.invitation_id = ? order by e.occurred_at, e.id, ar.name, r.role
				""")
			.param(invitationId)
			.query((rs, row) -> new Row(rs.getLong(1), HistoryType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)))
			.list();
		Map<Long, List<Row>> byEvent = new LinkedHashMap<>();
		rows.forEach((row) -> byEvent.computeIfAbsent(row.eventId(), (id) -> new ArrayList<>()).add(row));
		List<HistoryEntry> entries = new ArrayList<>();
		for (List<Row> event : byEvent.values()) {
			List<Row> withRoles = event.stream().filter((row) -> row.role() != null).toList();
			List<RoleInArea> visible = withRoles.stream()
				.filter((row) -> scope.covers(row.areaId()))
				.map((row) -> new RoleInArea(Role.valueOf(row.role()), row.areaName()))
				.toList();
			if (withRoles.isEmpty() || !visible.isEmpty()) {
				Row first = event.get(0);
				entries.add(new HistoryEntry(first.type(), first.actor(), first.at(), first.sourcePage(), visible));
			}
		}
		return entries;
	}

	private record Row(long eventId, HistoryType type, String actor, Instant at, String sourcePage, String role,
			long areaId, String areaName) {
	}

}
