package com.videocall.admin.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import com.videocall.admin.invitation.InvitedAccess.Change;

import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a granted role's access, each in a transaction of its own with its entry in the
 * activity trail: the conditional delete lets one of two instances through.
 */
@Service
public class GrantedAccess {

	private final TimedRoleGrants grants;

	private final ApplicationEventPublisher events;

	GrantedAccess(TimedRoleGrants grants, ApplicationEventPublisher events) {
		this.grants = grants;
		this.events = events;
	}

	/**
	 * "Change end date" of a granted role (LC1): moves the end of its access to
	 * {@code until} (null: clears it) when it is still {@code current}, as the
	 * administrator's form showed it; a conditional update lets one of two submissions
	 * through. Returns what happened.
	 */
	@Transactional
	public Change change(long byAccountId, String sourcePage, TimedGrant grant, LocalDate current, LocalDate until,
			Instant now) {
		if (Objects.equals(grant.accessUntil(), until)) {
			return Change.ALREADY;
		}
		if (!Objects.equals(grant.accessUntil(), current)
				|| !this.grants.changeAccessUntil(grant.id(), current, until)) {
			return Change.STALE;
		}
		this.events.publishEvent(new AccessEndChanged(byAccountId, sourcePage, grant.accountId(), grant.role(),
				grant.areaId(), current, until, now));
		return Change.CHANGED;
	}

	/** Takes the role away when its last day is before {@code today}; whether it did. */
	@Transactional
	public boolean end(long grantId, LocalDate today, Instant now) {
		Optional<TimedGrant> ended = this.grants.end(grantId, today);
		ended.ifPresent((grant) -> this.events
			.publishEvent(new AccessEnded(grant.accountId(), grant.role(), grant.areaId(), grant.accessUntil(), now)));
		return ended.isPresent();
	}

}
