package com.videocall.admin.invitation;

import java.util.List;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.mail.EmailDelivery;

/**
 * An invitation's history (X3), as the activity trail keeps it (AC4): the invitation
 * module publishes what happens to invitations, the trail records it, and the Manage
 * Invitation dialog reads it back through this interface, which the activity module
 * implements (it builds on this module, so the call goes against that direction; decision
 * 13).
 */
public interface InvitationHistory {

	/**
	 * The entries the administrator may read, in order, and the emails those entries'
	 * actions queued, newest first.
	 */
	Visible visibleTo(AdministratorScope scope, long invitationId);

	/** Whether any entry of the invitation concerns a role in the scope. */
	boolean concernsRoleIn(AdministratorScope scope, long invitationId);

	/** What of an invitation's history an administrator reads, and its emails. */
	record Visible(List<HistoryEntry> entries, List<EmailDelivery> emails) {
	}

}
