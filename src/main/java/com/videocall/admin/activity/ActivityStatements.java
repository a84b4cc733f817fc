package com.videocall.admin.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of the Activity page (AC3), written for a million entries (AC7): each
 * finds the ids of a page first, newest first (oldest first going newer from a cursor),
 * by keyset on the id (the chain's order), then reads those rows only, in one statement
 * (every entry, unfiltered, is read straight along the primary key instead). The ways to
 * the ids:
 * <ul>
 * <li>one account's entries (the "Who" or "Person" filter): its own index
 * ({@code activity_entry_actor}, {@code activity_entry_person}), each candidate checked
 * against the areas, if any, since one account has few entries;</li>
 * <li>up to {@value #PER_AREA} areas (a limited scope, or the "Area" filter): for each
 * area, the newest entries past the cursor from {@code activity_entry_area_newest}, then
 * the newest of those. That is exact: an entry among the newest of the union is among the
 * newest of its own area. Other filters are applied inside each area's scan;</li>
 * <li>otherwise (a System Administrator, or a scope of more areas, which holds a larger
 * share of the entries): the primary key backwards, or the kind's index, each entry
 * checked against the areas, if any;</li>
 * <li>the same with "From" or "To", whose entries may lie far from the newest, where the
 * primary key would pass every entry in front of them: block by block of ids
 * ({@code activity_time_block}, V31), newest first, only the blocks whose entries' times
 * reach into the period, each read along the primary key; the first blocks that hold
 * enough entries end the page.</li>
 * </ul>
 * Entries without areas (about signing in) are found only without an area condition, that
 * is by System Administrators.
 */
final class ActivityStatements {

	/** Scopes of up to this many areas are read area by area. */
	static final int PER_AREA = 100;

	/**
	 * One of the areas. A probe per entry ({@code offset 0} keeps PostgreSQL from turning
	 * it into a join, which scanned every area row above the cursor).
	 */
	private static final String IN_AREAS = """
			 and exists (select 1 from activity_entry_area x where x.entry_id = e.id and x.area_id = any(:areas)
			             offset 0)
			""";

	/**
	 * What a page shows of each entry: the names of its actor, its person's email and its
	 * areas. The names (of people and areas) are looked up per row by primary key: as
	 * joins, statistics not yet refreshed after a burst of entries (a first import into
	 * an empty trail) led PostgreSQL to merge them with a scan of every account or area,
	 * 10 ms instead of 0.5 for a page. The areas come unsorted: sorted here, by name,
	 * each name was looked up twice (docs/performance.md "Activity at a million
	 * entries"); the reader sorts them.
	 */
	private static final String COLUMNS = """
			select e.id, e.occurred_at, e.kind, e.actor_id is null as automatic,
			       e.actor_id = e.person_id and e.invitation_id is not null as by_invitee,
			       (select a.display_name from account_profile a where a.id = e.actor_id) as display_name,
			       (select p.email from account_profile p where p.id = e.person_id) as email,
			       e.source_page, e.detail,
			       array(select y.area_id || ':' || array_to_string(y.roles, ',') || ':'
			                    || coalesce((select d.name from directory_area d where d.id = y.area_id), '')
			             from activity_entry_area y where y.entry_id = e.id) as areas
			""";

	/**
	 * The entries the ids statement ({@code page}) finds, in its order, each read by its
	 * id: {@code offset 0} keeps PostgreSQL from turning that into a join, which it did,
	 * with statistics not yet refreshed, as a scan of the whole trail.
	 */
	private static final String PAGE_ENTRIES = """
			from page cross join lateral (select * from activity_entry r where r.id = page.id offset 0) e
			order by e.id""";

	private ActivityStatements() {
	}

	/** The filters of {@link ActivityQuery}. */
	record Filters(ActivityKind kind, boolean automatic, String actorEmail, String personEmail, Instant from,
			Instant until) {

		static Filters of(ActivityQuery query) {
			return new Filters(query.kind(), query.automatic(), query.actorEmail(), query.personEmail(), query.from(),
					query.until());
		}

		boolean oneAccount() {
			return this.actorEmail != null || this.personEmail != null;
		}

	}

	/** SQL with named parameters. */
	record Statement(String sql, Map<String, Object> parameters) {
	}

	/**
	 * How the ids are found: an account's, area by area, newest first, or in a period.
	 */
	enum Way {

		ONE_ACCOUNT, PER_AREA, NEWEST_FIRST, PERIOD;

		static Way of(Filters filters, Long[] areas) {
			if (filters.oneAccount()) {
				return ONE_ACCOUNT;
			}
			if (areas != null && areas.length <= ActivityStatements.PER_AREA) {
				return PER_AREA;
			}
			return (filters.from() != null || filters.until() != null) ? PERIOD : NEWEST_FIRST;
		}

	}

	/**
	 * Up to {@code limit} entries from {@code position} on, in the page's order; one
	 * statement, the ids found first ({@link #ids}).
	 */
	static Statement rows(Filters filters, Long[] areas, ActivityPosition position, int limit, Way way) {
		String order = position.newerFirst() ? " desc" : " asc";
		String conditions = String.join("", conditions(filters));
		if (way == Way.NEWEST_FIRST && areas == null && conditions.isEmpty()) {
			// Every entry (a System Administrator's page without filters): the rows are
			// read as the primary key is, without finding their ids first (a third less
			// for the page; docs/performance.md "Activity at a million entries").
			String cursor = cursor(position);
			return new Statement(COLUMNS + "from activity_entry e" + ((cursor != null) ? " where e.id" + cursor : "")
					+ " order by e.id" + order + " limit " + limit, parameters(filters, areas, position));
		}
		Statement ids = ids(filters, conditions, areas, position, limit, way);
		return new Statement("with page as (" + ids.sql() + ")\n" + COLUMNS + PAGE_ENTRIES + order, ids.parameters());
	}

	/** The condition on an entry's id from the position, null for the newest. */
	private static String cursor(ActivityPosition position) {
		return (position.before() != null) ? " < :before" : (position.after() != null) ? " > :after" : null;
	}

	/**
	 * The ids of up to {@code limit} entries from {@code position} on; {@code conditions}
	 * the filters' ({@link #conditions}), {@code areas} null for no area condition, else
	 * the areas one of which an entry must concern. The limit is written into the SQL: a
	 * parameter there keeps PostgreSQL from ever using the statement's generic plan, so
	 * that it plans every page anew, which cost more than running it (docs/performance.md
	 * "Plans made once").
	 */
	private static Statement ids(Filters filters, String conditions, Long[] areas, ActivityPosition position, int limit,
			Way way) {
		String order = position.newerFirst() ? " desc" : " asc";
		String cursor = cursor(position);
		String sql;
		if (way == Way.PER_AREA) {
			sql = "select distinct t.id from unnest(cast(:areas as bigint[])) a (id) cross join lateral ("
					+ "select x.entry_id as id from activity_entry_area x"
					+ (conditions.isEmpty() ? "" : " join activity_entry e on e.id = x.entry_id")
					+ " where x.area_id = a.id" + ((cursor != null) ? " and x.entry_id" + cursor : "") + conditions
					+ " order by x.entry_id" + order + " limit " + limit + ") t order by t.id" + order + " limit "
					+ limit;
		}
		else if (way == Way.PERIOD) {
			// Blocks in order, each block's entries in order: their ids are in order, and
			// sorted by block, then id, PostgreSQL reads blocks only until it has the
			// page.
			sql = "select t.id from activity_time_block b cross join lateral (select e.id from activity_entry e"
					+ " where e.id >= b.from_id and e.id < b.to_id" + conditions
					+ ((cursor != null) ? " and e.id" + cursor : "") + ((areas != null) ? IN_AREAS : "")
					+ " order by e.id" + order + " limit " + limit + ") t where true"
					+ ((filters.from() != null) ? " and b.latest_at >= " + moment(filters.from()) : "")
					+ ((filters.until() != null) ? " and b.earliest_at < " + moment(filters.until()) : "")
					+ ((position.before() != null) ? " and b.from_id < :before" : "")
					+ ((position.after() != null) ? " and b.to_id > :after" : "") + " order by b.from_id" + order
					+ ", t.id" + order + " limit " + limit;
		}
		else {
			sql = "select e.id from activity_entry e where true" + conditions
					+ ((cursor != null) ? " and e.id" + cursor : "") + ((areas != null) ? IN_AREAS : "")
					+ " order by e.id" + order + " limit " + limit;
		}
		return new Statement(sql, parameters(filters, areas, position));
	}

	/** The values of every parameter the statements above may name. */
	private static Map<String, Object> parameters(Filters filters, Long[] areas, ActivityPosition position) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("kind", (filters.kind() != null) ? filters.kind().name() : null);
		parameters.put("actor", filters.actorEmail());
		parameters.put("person", filters.personEmail());
		parameters.put("before", position.before());
		parameters.put("after", position.after());
		parameters.put("areas", areas);
		return parameters;
	}

	/** The conditions on the entry {@code e}, each starting with " and". */
	private static List<String> conditions(Filters filters) {
		List<String> conditions = new ArrayList<>();
		if (filters.kind() != null) {
			conditions.add(" and e.kind = :kind");
		}
		if (filters.automatic()) {
			conditions.add(" and e.actor_id is null");
		}
		// An email that names no account matches nothing.
		if (filters.actorEmail() != null) {
			conditions
				.add(" and e.actor_id = (select a.id from account_profile a where lower(a.email) = lower(:actor))");
		}
		if (filters.personEmail() != null) {
			conditions
				.add(" and e.person_id = (select p.id from account_profile p where lower(p.email) = lower(:person))");
		}
		if (filters.from() != null) {
			conditions.add(" and e.occurred_at >= " + moment(filters.from()));
		}
		if (filters.until() != null) {
			conditions.add(" and e.occurred_at < " + moment(filters.until()));
		}
		return conditions;
	}

	/**
	 * A moment of the period, written into the SQL as the limit is: as parameters,
	 * PostgreSQL found its plans for the dates given cheaper than its plan for any dates,
	 * and planned a period's statement anew on every request (docs/performance.md
	 * "Activity at a million entries"). The text is an {@link Instant}'s, digits and ISO
	 * 8601's separators only.
	 */
	private static String moment(Instant instant) {
		return "timestamptz '" + instant + "'";
	}

}
