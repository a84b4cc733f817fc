package com.videocall.admin.reminders;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.videocall.admin.reminders.ReminderSchedule.Invitee;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units' automatic reminder settings (AR1) in the table {@code reminder_schedule}, and
 * which settings apply to which pending invitation: those of the area of its earliest
 * invited role (ties: the role added first), inherited from the nearest unit above that
 * area with settings of its own.
 */
@Component
public class ReminderSchedules {

	/** The nearest unit at or above each area that has settings of its own. */
	private static final String EFFECTIVE = """
			with recursive effective(area_id, unit_id) as (
			    select s.area_id, s.area_id from reminder_schedule s
			    union all
			    select a.id, e.unit_id from effective e join area a on a.parent_id = e.area_id
			    where not exists (select 1 from reminder_schedule o where o.area_id = a.id)
			)
			""";

	/**
	 * The common table expression {@code applying}: each pending invitation under
	 * settings that send automatic reminders, invited before {@code :before} (only
	 * invitation {@code :id} when it is not null), with those settings and the area that
	 * decides them — the columns {@link #applying} reads. Other statements of this module
	 * join it.
	 */
	public static final String APPLYING = EFFECTIVE
			+ """
					, first_role as (
					    select distinct on (r.invitation_id) r.invitation_id, r.area_id
					    from invited_role r join invitation i on i.id = r.invitation_id
					    where i.status = 'PENDING' and (cast(:id as bigint) is null or i.id = :id)
					      and i.invited_at <= cast(:before as timestamptz)
					    order by r.invitation_id, r.invited_at, r.id
					), applying as (
					    select i.id as applying_id, i.invited_at as applying_invited_at,
					           i.last_reminded_at as applying_last_reminded_at,
					           coalesce((select max(x.step) from automatic_reminder x where x.invitation_id = i.id), 0) as last_step,
					           -- until when a reminder may go: while the newest link works and the
					           -- invitation has not closed (LC2)
					           least(invitation_link_expires_at(i.id), i.closes_at) as applying_link_expires_at,
					           s.enabled, s.days, s.window_start, s.window_end, f.area_id as settings_area_id
					    from first_role f join invitation i on i.id = f.invitation_id
					    join effective e on e.area_id = f.area_id join reminder_schedule s on s.area_id = e.unit_id
					    where s.enabled
					)
					""";

	private static final String INVITEES = APPLYING + "select * from applying order by applying_id";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReminderSchedules(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The unit's own settings, if it has any. */
	public Optional<OwnSchedule> own(long unitId) {
		return this.jdbc
			.sql("select enabled, days, window_start, window_end, version from reminder_schedule where area_id = ?")
			.param(unitId)
			.query((rs, row) -> new OwnSchedule(schedule(rs, 1), rs.getLong(5)))
			.optional();
	}

	/**
	 * The settings that apply to a unit and the unit they come from (itself, or the
	 * nearest above with its own); empty when none above has any (off by default).
	 */
	public Optional<Inherited> applying(long unitId) {
		return this.jdbc.sql(EFFECTIVE + """
				select s.enabled, s.days, s.window_start, s.window_end, s.area_id, a.name
				from effective e join reminder_schedule s on s.area_id = e.unit_id join area a on a.id = s.area_id
				where e.area_id = ?
				""")
			.param(unitId)
			.query((rs, row) -> new Inherited(schedule(rs, 1), rs.getLong(5), rs.getString(6)))
			.optional();
	}

	/**
	 * Saves the unit's own settings if they are still at {@code expectedVersion} (null:
	 * the unit had none); false when another administrator changed them meanwhile.
	 */
	@Transactional
	public boolean save(long unitId, ReminderSchedule schedule, Long expectedVersion, long byAccountId, Instant now) {
		Integer[] days = schedule.days().toArray(Integer[]::new);
		boolean saved;
		if (expectedVersion == null) {
			saved = this.jdbc
				.sql("""
						insert into reminder_schedule (area_id, enabled, days, window_start, window_end, changed_by, changed_at)
						values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
						""")
				.params(unitId, schedule.enabled(), days, schedule.windowStart(), schedule.windowEnd(), byAccountId,
						Timestamp.from(now))
				.update() == 1;
		}
		else {
			saved = this.jdbc
				.sql("""
						update reminder_schedule set enabled = ?, days = ?, window_start = ?, window_end = ?, changed_by = ?,
						       changed_at = ?, version = version + 1
						where area_id = ? and version = ?
						""")
				.params(schedule.enabled(), days, schedule.windowStart(), schedule.windowEnd(), byAccountId,
						Timestamp.from(now), unitId, expectedVersion)
				.update() == 1;
		}
		if (saved) {
			this.events.publishEvent(new ReminderSettingsChanged(unitId, byAccountId, schedule, now));
		}
		return saved;
	}

	/** Removes the unit's own settings, so that it inherits again; false when stale. */
	@Transactional
	public boolean inherit(long unitId, long expectedVersion, long byAccountId, Instant now) {
		boolean removed = this.jdbc.sql("delete from reminder_schedule where area_id = ? and version = ?")
			.params(unitId, expectedVersion)
			.update() == 1;
		if (removed) {
			this.events.publishEvent(new ReminderSettingsChanged(unitId, byAccountId, null, now));
		}
		return removed;
	}

	/**
	 * Pending invitations under settings that send automatic reminders, invited before
	 * {@code before}; one of them when {@code invitationId} is given.
	 */
	List<Applying> invitees(Long invitationId, Instant before) {
		return this.jdbc.sql(INVITEES)
			.param("id", invitationId)
			.param("before", Timestamp.from(before))
			.query((rs, row) -> applying(rs))
			.list();
	}

	/** The invitation and settings of a row that selects {@link #APPLYING}'s columns. */
	public static Applying applying(ResultSet rs) throws SQLException {
		return new Applying(
				new Invitee(rs.getLong("applying_id"), instant(rs, "applying_invited_at"), rs.getInt("last_step"),
						instant(rs, "applying_last_reminded_at"), instant(rs, "applying_link_expires_at")),
				schedule(rs, rs.findColumn("enabled")), rs.getLong("settings_area_id"));
	}

	/**
	 * Claims a step of an invitation; false when it, or a later one, went out already.
	 */
	public boolean claim(long invitationId, int step, Instant now) {
		return this.jdbc.sql("""
				insert into automatic_reminder (invitation_id, step, sent_at)
				select ?, ?, ? where not exists (select 1 from automatic_reminder x
				                                 where x.invitation_id = ? and x.step >= ?)
				on conflict do nothing
				""").params(invitationId, step, Timestamp.from(now), invitationId, step).update() == 1;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static ReminderSchedule schedule(ResultSet rs, int first) throws SQLException {
		Array days = rs.getArray(first + 1);
		return new ReminderSchedule(rs.getBoolean(first), Arrays.stream((Integer[]) days.getArray()).toList(),
				rs.getObject(first + 2, LocalTime.class), rs.getObject(first + 3, LocalTime.class));
	}

	/** A unit's own settings and their version (optimistic concurrency). */
	public record OwnSchedule(ReminderSchedule schedule, long version) {
	}

	/** The settings applying to a unit and the unit that set them. */
	public record Inherited(ReminderSchedule schedule, long fromUnitId, String fromUnitName) {
	}

	/** A pending invitation and the settings that apply to it (from the area named). */
	public record Applying(Invitee invitee, ReminderSchedule schedule, long areaId) {
	}

}
