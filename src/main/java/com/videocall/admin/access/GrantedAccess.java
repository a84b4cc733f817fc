package com.videocall.admin.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

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
class GrantedAccess {

	private final TimedRoleGrants grants;

	private final ApplicationEventPublisher events;

	GrantedAccess(TimedRoleGrants grants, ApplicationEventPublisher events) {
		this.grants = grants;
		this.events = events;
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
