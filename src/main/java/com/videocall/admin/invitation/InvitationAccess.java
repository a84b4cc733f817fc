package com.videocall.admin.invitation;

import java.util.Collection;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.web.SecurityLog;

import org.springframework.stereotype.Component;

/**
 * Finds an invitation for an administrator. It is visible when one of its roles is in
 * scope, or, once ended, when its history has a role in scope; anything else is "not
 * found", and a line in the security log (X1).
 */
@Component
class InvitationAccess {

	private final InvitationRepository invitations;

	private final InvitationHistory history;

	private final SecurityLog securityLog;

	InvitationAccess(InvitationRepository invitations, InvitationHistory history, SecurityLog securityLog) {
		this.invitations = invitations;
		this.history = history;
		this.securityLog = securityLog;
	}

	Invitation forReading(AdministratorScope scope, long invitationId) {
		Invitation invitation = this.invitations.findWithRoles(invitationId)
			.orElseThrow(() -> new InvitationNotFoundException("invitation " + invitationId));
		return visible(scope, invitation);
	}

	/**
	 * For a change: refused when the invitation has ended, or when its version is not the
	 * one the administrator's page showed (another change came first, or the form was
	 * sent twice).
	 */
	Invitation forChange(AdministratorScope scope, long invitationId, long expectedVersion) {
		Invitation invitation = visible(scope, this.invitations.findWithRoles(invitationId)
			.orElseThrow(() -> new InvitationNotFoundException("invitation " + invitationId)));
		if (!invitation.isPending()) {
			throw new InvitationEndedException(invitation.getStatus());
		}
		if (invitation.getVersion() != expectedVersion) {
			throw new InvitationChangedException();
		}
		return invitation;
	}

	private Invitation visible(AdministratorScope scope, Invitation invitation) {
		requireVisible(scope, invitation.getId(), invitation.isPending(),
				invitation.getRoles().stream().map(InvitedRole::getAreaId).toList());
		return invitation;
	}

	/**
	 * The same rule for an invitation read without its aggregate: its status and the
	 * areas of the roles it still offers.
	 */
	void requireVisible(AdministratorScope scope, long invitationId, boolean pending, Collection<Long> roleAreaIds) {
		boolean visible = scope.everything() || roleAreaIds.stream().anyMatch(scope::covers)
				|| (!pending && this.history.concernsRoleIn(scope, invitationId));
		if (!visible) {
			this.securityLog.outOfScope(scope.accountId(), "invitation " + invitationId);
			throw new InvitationNotFoundException("invitation " + invitationId);
		}
	}

}
