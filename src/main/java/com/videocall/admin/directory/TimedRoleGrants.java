package com.videocall.admin.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Roles held until a day (LC1): the grants whose access has ended or is about to, ending
 * one and claiming its warning (each once, whichever instance asks: a conditional
 * statement decides), moving or clearing an end date, and who administers an area (the
 * people warned with the holder). The jobs and pages of the access module call these.
 */
@Service
public class TimedRoleGrants {

	private static final String GRANT = """
			select g.id, g.account_id, g.role, g.area_id, a.name, g.access_until
			from role_grant g join area a on a.id = g.area_id
			""";

	/**
	 * The statement of {@link #ended}: today, after which id, how many. The due grants
	 * are read on the partial index {@code role_grant_access_until} alone: asked for the
	 * first grants by id, PostgreSQL would otherwise walk the primary key through every
	 * grant, due or not (100,000 of them in EndingsBenchmark, at every round even when
	 * none is due; AccessEndsPlanIntegrationTests). Public for EndingsBenchmark, which
	 * explains it.
	 */
	public static final String ENDED = """
			with due as materialized (select id from role_grant where access_until < ? and id > ?),
			     batch as (select id from due order by id limit ?)
			""" + GRANT + "join batch on batch.id = g.id order by g.id";

	/**
	 * The statement of {@link #unwarned}: from, to, after which id, how many. Read on the
	 * partial index {@code role_grant_access_warning} alone, as {@link #ENDED} on its
	 * own. Public for EndingsBenchmark, which explains it.
	 */
	public static final String UNWARNED = """
			with due as materialized (select id from role_grant
			                          where access_until between ? and ? and access_warned_at is null and id > ?),
			     batch as (select id from due order by id limit ?)
			""" + GRANT + "join batch on batch.id = g.id order by g.id";

	private final JdbcClient jdbc;

	TimedRoleGrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} grants, by id after {@code afterId}, whose last day is before
	 * {@code today}.
	 */
	public List<TimedGrant> ended(LocalDate today, long afterId, int limit) {
		return this.jdbc.sql(ENDED).params(today, afterId, limit).query(TimedRoleGrants::grant).list();
	}

	/**
	 * Takes the role away when its access ended before {@code today}; empty when it is
	 * gone already or its date has moved since (another instance, or an administrator).
	 */
	public Optional<TimedGrant> end(long grantId, LocalDate today) {
		return this.jdbc.sql("""
				with ended as (delete from role_grant where id = ? and access_until < ?
				               returning id, account_id, role, area_id, access_until)
				select e.id, e.account_id, e.role, e.area_id, a.name, e.access_until
				from ended e join area a on a.id = e.area_id
				""").params(grantId, today).query(TimedRoleGrants::grant).optional();
	}

	/**
	 * Up to {@code limit} grants, by id after {@code afterId}, not warned yet whose last
	 * day is from {@code from} to {@code to}.
	 */
	public List<TimedGrant> unwarned(LocalDate from, LocalDate to, long afterId, int limit) {
		return this.jdbc.sql(UNWARNED).params(from, to, afterId, limit).query(TimedRoleGrants::grant).list();
	}

	/**
	 * Marks the grant warned for its end date {@code until}; false when it was warned
	 * already, has gone or its date moved meanwhile.
	 */
	public boolean claimWarning(long grantId, LocalDate until, Instant now) {
		return this.jdbc.sql("""
				update role_grant set access_warned_at = ?
				where id = ? and access_until = ? and access_warned_at is null
				""").params(Timestamp.from(now), grantId, until).update() == 1;
	}

	/** The grant of this role in this area to this account, if the area is in scope. */
	public Optional<TimedGrant> find(AdministratorScope scope, long accountId, long areaId, Role role) {
		if (!scope.covers(areaId)) {
			return Optional.empty();
		}
		return this.jdbc.sql(GRANT + "where g.account_id = ? and g.area_id = ? and g.role = ?")
			.params(accountId, areaId, role.name())
			.query(TimedRoleGrants::grant)
			.optional();
	}

	/**
	 * Moves the end of the grant's access to {@code next} (null: clears it) when it is
	 * still {@code current}; a changed date may be warned of again. False when the date
	 * was not {@code current} any more (a stale form) or the grant has gone.
	 */
	public boolean changeAccessUntil(long grantId, LocalDate current, LocalDate next) {
		return this.jdbc.sql("""
				update role_grant set access_until = ?, access_warned_at = null
				where id = ? and access_until is not distinct from ?
				""").params(next, grantId, current).update() == 1;
	}

	/**
	 * The active accounts that administer the area through an administrator role on it or
	 * on a unit above it (the view {@code administrator_grant}), each once. System
	 * Administrators, who administer every area, are not its administrators here.
	 */
	public List<Long> administratorsOf(long areaId) {
		return this.jdbc.sql("""
				with recursive up(id, parent_id) as (
				    select x.id, x.parent_id from area x where x.id = ?
				    union all
				    select p.id, p.parent_id from area p join up on p.id = up.parent_id)
				select distinct g.account_id from up join administrator_grant g on g.area_id = up.id
				order by g.account_id
				""").param(areaId).query(Long.class).list();
	}

	private static TimedGrant grant(ResultSet rs, int row) throws SQLException {
		return new TimedGrant(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getString(5), HeldRole.localDate(rs.getDate(6)));
	}

	/** A role held in an area, with the last day of its access (null: no end). */
	public record TimedGrant(long id, long accountId, Role role, long areaId, String areaName, LocalDate accessUntil) {
	}

}
