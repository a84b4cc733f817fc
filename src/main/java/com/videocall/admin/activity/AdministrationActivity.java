package com.videocall.admin.activity;

import java.util.List;
import java.util.stream.Collectors;

import com.videocall.admin.directory.RoleGrants;
import com.videocall.admin.reminders.ReminderSchedule;
import com.videocall.admin.reminders.ReminderSettingsChanged;
import com.videocall.admin.signin.SecondFactorChanged;
import com.videocall.admin.worklist.PendingInvitationsExported;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trail's entries for what administrators and people do besides invitations: reminder
 * settings changed (for the unit), the Pending Invitations list exported (for the area
 * exported, or the areas the administrator administers), second factors added or removed
 * by their owner (no area: System Administrators and the person read them) and reset by
 * an administrator (for the areas of the person's roles).
 */
@Component
class AdministrationActivity {

	private final ActivityRecorder recorder;

	private final RoleGrants roleGrants;

	private final JdbcClient jdbc;

	AdministrationActivity(ActivityRecorder recorder, RoleGrants roleGrants, JdbcClient jdbc) {
		this.recorder = recorder;
		this.roleGrants = roleGrants;
		this.jdbc = jdbc;
	}

	@EventListener
	void reminderSettings(ReminderSettingsChanged changed) {
		this.recorder.record(
				new NewEntry(ActivityKind.REMINDER_SETTINGS_CHANGED, changed.at(), changed.byAccountId(), null, null,
						null, null, describe(changed.schedule()), List.of(new AreaRoles(changed.unitId(), List.of()))));
	}

	@EventListener
	void exported(PendingInvitationsExported exported) {
		List<Long> areas = (exported.areaId() != null) ? List.of(exported.areaId())
				: this.jdbc.sql("select distinct area_id from administrator_grant where account_id = ?")
					.param(exported.byAccountId())
					.query(Long.class)
					.list();
		this.recorder.record(new NewEntry(ActivityKind.EXPORTED, exported.at(), exported.byAccountId(), null, null,
				null, null, "Pending Invitations: " + exported.rows() + " rows", without(areas)));
	}

	@EventListener
	void secondFactor(SecondFactorChanged changed) {
		NewEntry entry = switch (changed.change()) {
			case ADDED -> new NewEntry(ActivityKind.SECOND_FACTOR_ADDED, changed.at(), changed.accountId(),
					changed.accountId(), null, null, null, changed.factor(), List.of());
			case REMOVED -> new NewEntry(ActivityKind.SECOND_FACTOR_REMOVED, changed.at(), changed.accountId(),
					changed.accountId(), null, null, null, changed.factor(), List.of());
			case RESET -> new NewEntry(ActivityKind.SECOND_FACTOR_RESET, changed.at(), changed.byAccountId(),
					changed.accountId(), null, null, null, null,
					without(this.roleGrants.heldBy(changed.accountId())
						.stream()
						.map((held) -> held.areaId())
						.distinct()
						.toList()));
		};
		this.recorder.record(entry);
	}

	private static List<AreaRoles> without(List<Long> areaIds) {
		return areaIds.stream().map((area) -> new AreaRoles(area, List.of())).toList();
	}

	/**
	 * The settings in a few words: "on: days 3, 10; 09:00-17:00", "off" or "inherited".
	 */
	private static String describe(ReminderSchedule schedule) {
		if (schedule == null) {
			return "inherited";
		}
		if (!schedule.enabled()) {
			return "off";
		}
		return "on: days " + schedule.days().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; "
				+ schedule.windowStart() + "-" + schedule.windowEnd();
	}

}
