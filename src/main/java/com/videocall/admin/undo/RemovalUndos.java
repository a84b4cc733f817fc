package com.videocall.admin.undo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.videocall.admin.directory.HeldRole;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.RemovalRecords;
import com.videocall.admin.invitation.RemovedRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Undo needs after a removal (UN), kept in the database so that whichever instance
 * receives the Undo can do it. One record may cover removals from several invitations
 * (the bulk "Cancel Invitations" opens one for all of them).
 */
@Component
class RemovalUndos implements RemovalRecords {

	/** How long after its window a record is kept (its banner has long gone). */
	private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	RemovalUndos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Opened open(long by, Instant now, Duration window, List<Removal> removals) {
		this.jdbc.sql("delete from removal_undo where expires_at < ?")
			.param(Timestamp.from(now.minus(KEPT_AFTER_EXPIRY)))
			.update();
		Opened opened = this.jdbc
			.sql("insert into removal_undo (created_by, created_at, expires_at) values (?, ?, ?) "
					+ "returning id, expires_at")
			.params(by, Timestamp.from(now), Timestamp.from(now.plus(window)))
			.query(RemovalUndos::opened)
			.single();
		removals.forEach((removal) -> insert(opened.id(), removal));
		return opened;
	}

	@Override
	public Opened add(long id, long by, Removal removal) {
		Opened opened = this.jdbc
			.sql("select id, expires_at from removal_undo where id = ? and created_by = ? and undone_at is null")
			.params(id, by)
			.query(RemovalUndos::opened)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No open undo record " + id + " of account " + by));
		insert(id, removal);
		return opened;
	}

	private static Opened opened(ResultSet rs, int row) throws SQLException {
		return new Opened(rs.getLong("id"), rs.getTimestamp("expires_at").toInstant());
	}

	private void insert(long id, Removal removal) {
		for (RemovedRole role : removal.roles()) {
			this.jdbc.sql("""
					insert into removal_undo_role (undo_id, invitation_id, version_after, role, area_id,
					                               invited_by, invited_at, access_until)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, removal.invitationId(), removal.versionAfter(), role.role().name(), role.areaId(),
						role.invitedBy(), Timestamp.from(role.invitedAt()), role.accessUntil())
				.update();
		}
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
				select invitation_id, version_after, role, area_id, invited_by, invited_at, access_until
				from removal_undo_role where undo_id = ? order by invitation_id, area_id, role
				""").param(id).query((rs, row) -> {
			RemovedRole role = new RemovedRole(Role.valueOf(rs.getString("role")), rs.getLong("area_id"),
					rs.getLong("invited_by"), rs.getTimestamp("invited_at").toInstant(),
					HeldRole.localDate(rs.getDate("access_until")));
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

	record UndoRecord(long id, Instant expiresAt, boolean undone, List<Removal> removals) {
	}

}
