package com.videocall.admin.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail as written, in chain order, a batch at a time (the integrity check reads a
 * million entries in bounded memory): each entry's content as its hash covers it, and the
 * hash stored with it.
 */
public final class StoredEntries {

	private static final int BATCH = 5_000;

	private StoredEntries() {
	}

	/** Hands each entry after {@code afterId} to {@code each}, in id order. */
	public static void after(JdbcClient jdbc, long afterId, Consumer<Stored> each) {
		long last = afterId;
		while (true) {
			List<Stored> batch = jdbc
				.sql("""
						select e.id, e.occurred_at, e.kind, e.actor_id, e.person_id, e.invitation_id, e.source_page,
						       e.reference, e.detail, e.hash,
						       array(select x.area_id from activity_entry_area x where x.entry_id = e.id order by x.area_id),
						       array(select array_to_string(x.roles, ',') from activity_entry_area x where x.entry_id = e.id
						             order by x.area_id)
						from activity_entry e where e.id > ? order by e.id limit ?
						""")
				.params(last, BATCH)
				.query((rs, row) -> stored(rs))
				.list();
			for (Stored stored : batch) {
				each.accept(stored);
			}
			if (batch.size() < BATCH) {
				return;
			}
			last = batch.get(batch.size() - 1).id();
		}
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		Long[] areaIds = (Long[]) rs.getArray(11).getArray();
		String[] roles = (String[]) rs.getArray(12).getArray();
		List<AreaRoles> areas = new ArrayList<>();
		for (int i = 0; i < areaIds.length; i++) {
			areas.add(new AreaRoles(areaIds[i], roles[i].isEmpty() ? List.of() : Arrays.asList(roles[i].split(","))));
		}
		return new Stored(
				rs.getLong(1), new EntryContent(rs.getString(3), rs.getTimestamp(2).toInstant(), nullable(rs, 4),
						nullable(rs, 5), nullable(rs, 6), rs.getString(7), nullable(rs, 8), rs.getString(9), areas),
				rs.getBytes(10));
	}

	/** The column's number, or null. */
	static Long nullable(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** An entry as stored: its id, its content and the hash stored with it. */
	public record Stored(long id, EntryContent content, byte[] hash) {

		/** The hash its content should have after {@code previous}. */
		public byte[] expectedHash(byte[] previous) {
			return ActivityChain.hash(previous, this.id, this.content);
		}

	}

}
