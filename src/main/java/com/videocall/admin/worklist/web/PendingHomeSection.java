package com.videocall.admin.worklist.web;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.HomePageSection;
import com.videocall.admin.worklist.PendingInvitations;

import org.springframework.stereotype.Component;

/**
 * The home page's counts of pending invitations in scope (P5): pending, expiring within 3
 * days, link expired, email failed; the template links each to the filtered list.
 */
@Component
class PendingHomeSection implements HomePageSection {

	private final PendingInvitations pending;

	PendingHomeSection(PendingInvitations pending) {
		this.pending = pending;
	}

	@Override
	public String name() {
		return "pendingCounts";
	}

	@Override
	public Object of(AdministratorScope scope) {
		return this.pending.counts(scope);
	}

}
