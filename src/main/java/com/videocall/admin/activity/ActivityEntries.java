package com.videocall.admin.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.videocall.admin.activity.ActivityRow.AreaInScope;
import com.videocall.admin.activity.ActivityRow.Doer;
import com.videocall.admin.activity.ActivityStatements.Filters;
import com.videocall.admin.activity.ActivityStatements.Statement;
import com.videocall.admin.activity.ActivityStatements.Way;
import com.videocall.admin.directory.AdministratorScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Activity page and its CSV (AC1-AC3): a read model over the trail, the account
 * module's view {@code account_profile} (names and emails) and the directory's
 * {@code directory_area} (area names). An entry is read when one of its areas is in the
 * reader's scope (any entry for a System Administrator), and shows only those areas
 * (AC2). A page is one statement whatever its depth ({@link ActivityStatements}: the ids,
 * then those rows).
 */
@Service
public class ActivityEntries {

	static final int PAGE_SIZE = 25;

	/** Entries read at a time while the CSV is written: it is never held whole. */
	static final int EXPORT_BATCH = 1_000;

	/** The order of an entry's areas: by name, those without one (gone) last. */
	private static final Comparator<AreaInScope> BY_NAME = Comparator
		.comparing((AreaInScope area) -> area.name().isEmpty())
		.thenComparing(AreaInScope::name)
		.thenComparingLong(AreaInScope::id);

	private final JdbcClient jdbc;

	ActivityEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of {@value #PAGE_SIZE} entries from the position, newest first. */
	public ActivityPage page(AdministratorScope scope, ActivityQuery query, ActivityPosition position) {
		List<ActivityRow> rows = read(scope, query, Filters.of(query), position, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<ActivityRow> shown = new ArrayList<>(more ? rows.subList(0, PAGE_SIZE) : rows);
		if (!position.newerFirst()) {
			Collections.reverse(shown);
			return new ActivityPage(shown, shown.isEmpty() ? null : shown.get(shown.size() - 1).id(),
					more ? shown.get(0).id() : null);
		}
		return new ActivityPage(shown, more ? shown.get(shown.size() - 1).id() : null,
				(position.before() != null && !shown.isEmpty()) ? shown.get(0).id() : null);
	}

	/**
	 * Every entry the query matches, newest first, handed over as they are read,
	 * {@value #EXPORT_BATCH} at a time: entries written meanwhile are newer than the
	 * first and left out.
	 */
	public void forEach(AdministratorScope scope, ActivityQuery query, Consumer<ActivityRow> each) {
		Filters filters = Filters.of(query);
		List<ActivityRow> batch = read(scope, query, filters, ActivityPosition.NEWEST, EXPORT_BATCH);
		batch.forEach(each);
		while (batch.size() == EXPORT_BATCH) {
			ActivityPosition next = ActivityPosition.before(batch.get(batch.size() - 1).id());
			batch = read(scope, query, filters, next, EXPORT_BATCH);
			batch.forEach(each);
		}
	}

	private List<ActivityRow> read(AdministratorScope scope, ActivityQuery query, Filters filters,
			ActivityPosition position, int limit) {
		Long[] areas = areas(scope, query);
		if (areas != null && areas.length == 0) {
			return List.of();
		}
		Way way = Way.of(filters, areas);
		Statement statement = ActivityStatements.rows(filters, areas, position, limit, way);
		return this.jdbc.sql(statement.sql()).params(statement.parameters()).query((rs, row) -> row(scope, rs)).list();
	}

	/**
	 * The areas an entry must concern, null for none: every area of a limited scope, or
	 * those asked for that it covers.
	 */
	private static Long[] areas(AdministratorScope scope, ActivityQuery query) {
		if (query.areaIds() == null) {
			return scope.everything() ? null : scope.areaIds().toArray(Long[]::new);
		}
		return query.areaIds().stream().filter(scope::covers).sorted().toArray(Long[]::new);
	}

	/**
	 * The row as the reader may see it: areas in scope, by name, the page only if all
	 * are.
	 */
	private static ActivityRow row(AdministratorScope scope, ResultSet rs) throws SQLException {
		List<AreaInScope> areas = new ArrayList<>();
		boolean allInScope = true;
		for (String area : (String[]) rs.getArray("areas").getArray()) {
			String[] parts = area.split(":", 3);
			long id = Long.parseLong(parts[0]);
			if (scope.covers(id)) {
				areas.add(new AreaInScope(id, parts[2], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","))));
			}
			else {
				allInScope = false;
			}
		}
		areas.sort(BY_NAME);
		Doer doer = rs.getBoolean("automatic") ? Doer.SYSTEM
				: rs.getBoolean("by_invitee") ? Doer.INVITEE : Doer.ACCOUNT;
		return new ActivityRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), doer,
				(doer == Doer.ACCOUNT) ? rs.getString("display_name") : null, rs.getString("email"), List.copyOf(areas),
				allInScope ? rs.getString("source_page") : null, rs.getString("detail"));
	}

}
