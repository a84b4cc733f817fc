package com.videocall.admin.invitation;

import java.util.Collection;

import com.videocall.admin.directory.AdministratorScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds an invitation for an administrator. It is visible when one of its roles is in
 * scope, or, once ended, when its history has a role in scope; anything else is "not
 * found" (X1).
 */
@Component
class InvitationAccess {

	private static final Logger logger = LoggerFactory.getLogger(InvitationAccess.class);

	private final InvitationRepository invitations;

	private final InvitationHistory history;

	InvitationAccess(InvitationRepository invitations, InvitationHistory history) {
		this.invitations = invitations;
		this.history = history;
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
			logger.warn("Account {} asked for invitation {} outside its scope", scope.accountId(), invitationId);
			throw new InvitationNotFoundException("invitation " + invitationId);
		}
	}

}
