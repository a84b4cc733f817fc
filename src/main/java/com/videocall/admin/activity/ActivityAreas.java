package com.videocall.admin.activity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.videocall.admin.directory.AdministratorScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The areas the Activity page's "Area" filter offers (AC3): those in the reader's scope,
 * by name, from the directory's view {@code directory_area}. Up to {@value #LISTED} are
 * listed to choose from; a scope with more (a System Administrator has every area, over
 * 3,000 in the synthetic organisation) names the area instead, since a list that long
 * would make every page of Activity slow to send and hard to use.
 */
@Service
public class ActivityAreas {

	static final int LISTED = 200;

	private static final String EVERY_AREA = " from directory_area where true";

	private static final String AREAS_LISTED = " from directory_area where id = any(:areas)";

	/** How long the answer of {@link #manyAreas()} is kept. */
	private static final long MANY_AREAS_KEPT_NANOS = Duration.ofMinutes(1).toNanos();

	private final JdbcClient jdbc;

	/** The last answer of {@link #manyAreas()}, and when it was read. */
	private volatile ManyAreas manyAreas;

	ActivityAreas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The areas in scope to choose from, by name; empty when there are more than
	 * {@value #LISTED} (then they are named).
	 */
	public Optional<List<AreaChoice>> listed(AdministratorScope scope) {
		if (scope.everything() ? manyAreas() : scope.areaIds().size() > LISTED) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("select id, name" + inScope(scope) + " order by lower(name), id")
			.params(scope.sqlParameters())
			.query((rs, row) -> new AreaChoice(rs.getLong(1), rs.getString(2)))
			.list());
	}

	/**
	 * Whether the directory has more areas than are listed, counting no further; read at
	 * most once a minute, since only the form of the "Area" field depends on it and a
	 * statement fewer is a tenth of the page's cost (AC7).
	 */
	private boolean manyAreas() {
		ManyAreas last = this.manyAreas;
		long now = System.nanoTime();
		if (last == null || now - last.readAt() > MANY_AREAS_KEPT_NANOS) {
			// The limit is written out: as a parameter PostgreSQL would plan the
			// statement
			// anew each time (docs/performance.md "Plans made once").
			boolean many = this.jdbc
				.sql("select count(*) > " + LISTED + " from (select 1 from directory_area limit " + (LISTED + 1)
						+ ") a")
				.query(Boolean.class)
				.single();
			last = new ManyAreas(many, now);
			this.manyAreas = last;
		}
		return last.many();
	}

	/** The name of an area in scope; empty for an area outside it or none. */
	public Optional<String> name(AdministratorScope scope, long areaId) {
		return this.jdbc.sql("select name" + inScope(scope) + " and id = :id")
			.params(scope.sqlParameters())
			.param("id", areaId)
			.query(String.class)
			.optional();
	}

	/** The areas in scope with this name, in any case. */
	public Set<Long> named(AdministratorScope scope, String name) {
		return Set.copyOf(this.jdbc.sql("select id" + inScope(scope) + " and lower(name) = lower(:name)")
			.params(scope.sqlParameters())
			.param("name", name)
			.query(Long.class)
			.list());
	}

	/**
	 * The areas of the scope, as the statements' {@code from} and first condition: one
	 * statement for every area and one for the areas listed (decision 5). With
	 * {@code (:everything or id = any(:areas))} the plan PostgreSQL kept for any scope
	 * read every area to test it, 0.8 ms of each Activity page of a limited scope with
	 * the synthetic organisation's 3,314 areas (ActivityAreasPlanIntegrationTests).
	 */
	private static String inScope(AdministratorScope scope) {
		return scope.everything() ? EVERY_AREA : AREAS_LISTED;
	}

	private record ManyAreas(boolean many, long readAt) {
	}

	/** An area to choose. */
	public record AreaChoice(long id, String name) {
	}

}
