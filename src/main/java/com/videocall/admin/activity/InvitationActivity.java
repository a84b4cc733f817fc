package com.videocall.admin.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.invitation.Actor;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationEvent;
import com.videocall.admin.invitation.InvitationEvent.AccessEndChanged;
import com.videocall.admin.invitation.InvitationEvent.InvitationAccepted;
import com.videocall.admin.invitation.InvitationEvent.InvitationCancelled;
import com.videocall.admin.invitation.InvitationEvent.InvitationDeclined;
import com.videocall.admin.invitation.InvitationEvent.InvitationExpired;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RemovalUndone;
import com.videocall.admin.invitation.InvitationEvent.RolesChanged;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.invitation.InvitationEvent.RolesRemoved;
import com.videocall.admin.invitation.PersonalDataRemoved;
import com.videocall.admin.invitation.RolesGranted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trail's entries for what happened to invitations, from the events the invitation
 * module publishes when it saves one (and when Add Users grants roles to an active
 * account), in the transaction of the change. An entry concerns the areas of its roles;
 * one without roles, the areas it was done for: an administrator's reminder the areas it
 * was sent for, an automatic reminder or a new link the invitee asked for the areas of
 * the roles offered then.
 */
@Component
class InvitationActivity {

	private final ActivityRecorder recorder;

	private final JdbcClient jdbc;

	InvitationActivity(ActivityRecorder recorder, JdbcClient jdbc) {
		this.recorder = recorder;
		this.jdbc = jdbc;
	}

	@EventListener
	void happened(InvitationEvent event) {
		this.recorder.record(entry(event));
	}

	@EventListener
	void granted(RolesGranted granted) {
		this.recorder.record(byAdministrator(ActivityKind.ROLES_GRANTED, granted.by(), granted.accountId(), null,
				granted.at(), null, withRoles(granted.roles())));
	}

	/**
	 * The personal data of ended invitations removed (LC3): the system's, about no
	 * person. One entry per area the trail holds an entry of theirs for (the roles they
	 * had: a cancelled invitation has none left of its own), with the count of that
	 * area's invitations as detail: an administrator reads how many of their areas'
	 * invitations, never a count that includes other areas' (X3).
	 */
	@EventListener
	void personalDataRemoved(PersonalDataRemoved removed) {
		this.jdbc.sql("""
				select x.area_id, count(distinct e.invitation_id) from activity_entry e
				join activity_entry_area x on x.entry_id = e.id
				where e.invitation_id = any(?) group by x.area_id order by x.area_id
				""")
			.param(removed.invitationIds().toArray(Long[]::new))
			.query((rs, row) -> new NewEntry(ActivityKind.PERSONAL_DATA_REMOVED, removed.at(), null, null, null, null,
					null, String.valueOf(rs.getLong(2)), areas(List.of(rs.getLong(1)))))
			.list()
			.forEach(this.recorder::record);
	}

	private static NewEntry entry(InvitationEvent event) {
		if (event instanceof InvitationSent sent) {
			return byAdministrator(ActivityKind.INVITED, sent.by(), sent.accountId(), sent.invitationId(), sent.at(),
					sent.reference(), withRoles(sent.offered()));
		}
		if (event instanceof RolesOffered offered) {
			return byAdministrator(ActivityKind.ROLES_ADDED, offered.by(), offered.accountId(), offered.invitationId(),
					offered.at(), offered.reference(), withRoles(offered.added()));
		}
		if (event instanceof ReminderSent reminder) {
			if (reminder.by().isSystem()) {
				return new NewEntry(ActivityKind.AUTOMATIC_REMINDER_SENT, reminder.at(), null, reminder.accountId(),
						reminder.invitationId(), null, reminder.reference(), null, areasOf(reminder.offered()));
			}
			return byAdministrator(ActivityKind.REMINDER_SENT, reminder.by(), reminder.accountId(),
					reminder.invitationId(), reminder.at(), reminder.reference(), areas(reminder.forAreas()));
		}
		if (event instanceof RolesRemoved removed) {
			return byAdministrator(removed.by().isSystem() ? ActivityKind.ACCESS_ENDED : ActivityKind.ROLES_REMOVED,
					removed.by(), removed.accountId(), removed.invitationId(), removed.at(), null,
					withRoles(removed.removed()));
		}
		if (event instanceof RolesChanged changed) {
			return byAdministrator(ActivityKind.ROLES_CHANGED, changed.by(), changed.accountId(),
					changed.invitationId(), changed.at(), changed.reference(), changedRoles(changed));
		}
		if (event instanceof InvitationCancelled cancelled) {
			return byAdministrator(ActivityKind.CANCELLED, cancelled.by(), cancelled.accountId(),
					cancelled.invitationId(), cancelled.at(), null, withRoles(cancelled.removed()));
		}
		if (event instanceof RemovalUndone undone) {
			return byAdministrator(ActivityKind.UNDONE, undone.by(), undone.accountId(), undone.invitationId(),
					undone.at(), null, withRoles(undone.restored()));
		}
		if (event instanceof AccessEndChanged changed) {
			return new NewEntry(ActivityKind.ACCESS_END_CHANGED, changed.at(), changed.by().accountId(),
					changed.accountId(), changed.invitationId(), changed.by().sourcePage(), null,
					AccessActivity.detail(changed.before(), changed.role().accessUntil()),
					withRoles(List.of(changed.role())));
		}
		if (event instanceof InvitationAccepted accepted) {
			return byInvitee(ActivityKind.ACCEPTED, accepted.accountId(), accepted.invitationId(), accepted.at(), null,
					withRoles(accepted.roles()));
		}
		if (event instanceof InvitationDeclined declined) {
			return byInvitee(ActivityKind.DECLINED, declined.accountId(), declined.invitationId(), declined.at(), null,
					withRoles(declined.roles()));
		}
		if (event instanceof InvitationExpired expired) {
			// The system's: no actor ("Automatic"), the roles it offered when it closed.
			return new NewEntry(ActivityKind.EXPIRED, expired.at(), null, expired.accountId(), expired.invitationId(),
					null, null, null, withRoles(expired.roles()));
		}
		NewLinkRequested requested = (NewLinkRequested) event;
		return byInvitee(ActivityKind.LINK_REQUESTED, requested.accountId(), requested.invitationId(), requested.at(),
				requested.reference(), areasOf(requested.offered()));
	}

	private static NewEntry byAdministrator(ActivityKind kind, Actor by, long personId, Long invitationId, Instant at,
			Long reference, List<AreaRoles> areas) {
		// The system (an invited role's access ended, LC1) is no one: "Automatic".
		return new NewEntry(kind, at, by.isSystem() ? null : by.accountId(), personId, invitationId, by.sourcePage(),
				reference, null, areas);
	}

	private static NewEntry byInvitee(ActivityKind kind, long accountId, long invitationId, Instant at, Long reference,
			List<AreaRoles> areas) {
		return new NewEntry(kind, at, accountId, accountId, invitationId, null, reference, null, areas);
	}

	/** The roles by area. */
	private static List<AreaRoles> withRoles(Collection<RoleOffer> roles) {
		Map<Long, List<String>> byArea = new LinkedHashMap<>();
		roles.forEach(
				(role) -> byArea.computeIfAbsent(role.areaId(), (area) -> new ArrayList<>()).add(role.role().name()));
		return byArea.entrySet().stream().map((area) -> new AreaRoles(area.getKey(), area.getValue())).toList();
	}

	/**
	 * The areas of the roles Change Roles added and removed, each role marked which
	 * ({@link StoredRole}).
	 */
	private static List<AreaRoles> changedRoles(RolesChanged changed) {
		Map<Long, List<String>> byArea = new LinkedHashMap<>();
		changed.added()
			.forEach((role) -> byArea.computeIfAbsent(role.areaId(), (area) -> new ArrayList<>())
				.add(StoredRole.added(role.role().name())));
		changed.removed()
			.forEach((role) -> byArea.computeIfAbsent(role.areaId(), (area) -> new ArrayList<>())
				.add(StoredRole.removed(role.role().name())));
		return byArea.entrySet().stream().map((area) -> new AreaRoles(area.getKey(), area.getValue())).toList();
	}

	/** The areas of the roles, without them. */
	private static List<AreaRoles> areasOf(Collection<RoleOffer> roles) {
		return areas(roles.stream().map(RoleOffer::areaId).toList());
	}

	private static List<AreaRoles> areas(Collection<Long> areaIds) {
		return Set.copyOf(areaIds).stream().map((area) -> new AreaRoles(area, List.of())).toList();
	}

}
