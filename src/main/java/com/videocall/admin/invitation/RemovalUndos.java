package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.videocall.admin.directory.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Undo needs after a removal (UN), kept in the database so that whichever instance
 * receives the Undo can do it. One record may cover removals from several invitations
 * (the bulk "Cancel Invitations" opens one for all of them).
 */
@Component
class RemovalUndos {

	/** How long after its window a record is kept (its banner has long gone). */
	private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	RemovalUndos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records what the removals took; returns the id the Undo button sends. */
	long open(long by, Instant now, Duration window, List<Removal> removals) {
		this.jdbc.sql("delete from removal_undo where expires_at < ?")
			.param(Timestamp.from(now.minus(KEPT_AFTER_EXPIRY)))
			.update();
		long id = this.jdbc
			.sql("insert into removal_undo (created_by, created_at, expires_at) values (?, ?, ?) returning id")
			.params(by, Timestamp.from(now), Timestamp.from(now.plus(window)))
			.query(Long.class)
			.single();
		for (Removal removal : removals) {
			for (RemovedRole role : removal.roles()) {
				this.jdbc.sql("""
						insert into removal_undo_role (undo_id, invitation_id, version_after, role, area_id,
						                               invited_by, invited_at)
						values (?, ?, ?, ?, ?, ?, ?)
						""")
					.params(id, removal.invitationId(), removal.versionAfter(), role.role().name(), role.areaId(),
							role.invitedBy(), Timestamp.from(role.invitedAt()))
					.update();
			}
		}
		return id;
	}

	Optional<UndoRecord> find(long id) {
		Optional<Map<String, Object>> head = this.jdbc
			.sql("select expires_at, undone_at is not null as undone from removal_undo where id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, Removal> removals = new LinkedHashMap<>();
		this.jdbc.sql("""
				select invitation_id, version_after, role, area_id, invited_by, invited_at
				from removal_undo_role where undo_id = ? order by invitation_id, area_id, role
				""").param(id).query((rs, row) -> {
			RemovedRole role = new RemovedRole(Role.valueOf(rs.getString("role")), rs.getLong("area_id"),
					rs.getLong("invited_by"), rs.getTimestamp("invited_at").toInstant());
			long versionAfter = rs.getLong("version_after");
			removals
				.computeIfAbsent(rs.getLong("invitation_id"),
						(invitation) -> new Removal(invitation, versionAfter, new ArrayList<>()))
				.roles()
				.add(role);
			return role;
		}).list();
		Timestamp expiresAt = (Timestamp) head.get().get("expires_at");
		return Optional.of(new UndoRecord(id, expiresAt.toInstant(), (Boolean) head.get().get("undone"),
				List.copyOf(removals.values())));
	}

	/**
	 * Marks the record undone; false when it already was. The row lock makes a second
	 * Undo sent at the same time wait, then find it undone.
	 */
	boolean markUndone(long id, long by, Instant now) {
		return this.jdbc.sql("update removal_undo set undone_at = ?, undone_by = ? where id = ? and undone_at is null")
			.params(Timestamp.from(now), by, id)
			.update() == 1;
	}

	/** The roles one invitation lost, and the version the removal left it at. */
	record Removal(long invitationId, long versionAfter, List<RemovedRole> roles) {
	}

	record UndoRecord(long id, Instant expiresAt, boolean undone, List<Removal> removals) {
	}

}
