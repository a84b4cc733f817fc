package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.mail.OutgoingEmail;

import org.springframework.stereotype.Component;

/**
 * What the administrators who invited a person hear back when the invitation ends by the
 * person's hand: that they set up their account (LC5), or declined (LC6). One email per
 * administrator, however many of the roles they offered, and only to one who still
 * administers the area of one of those roles (an account that is not active administers
 * nothing); the email names only those roles. Queued by {@link InvitationMailer} in the
 * transaction of the change, for no entry of the invitation's history: administrators of
 * other areas who read the entry must not learn who else invited.
 */
@Component
class InviterNotices {

	private final AdministratorScopes scopes;

	private final AccountManagement accounts;

	private final InvitationEmails emails;

	private final InvitationMailer mailer;

	InviterNotices(AdministratorScopes scopes, AccountManagement accounts, InvitationEmails emails,
			InvitationMailer mailer) {
		this.scopes = scopes;
		this.accounts = accounts;
		this.emails = emails;
		this.mailer = mailer;
	}

	/**
	 * "[Name] has set up their account.", unless the administrator switched it off on
	 * their Security page.
	 */
	void setUp(Invitation invitation, UserAccount person, Instant now) {
		rolesByInviter(invitation).forEach((inviter, roles) -> {
			if (inviter.wantsSetUpNotices()) {
				queue(invitation, this.emails.setUpNotice(inviter.getEmail(), person.getDisplayName(), roles), now);
			}
		});
	}

	/** "[email] declined the invitation: the address may be wrong." */
	void declined(Invitation invitation, String email, Instant now) {
		rolesByInviter(invitation).forEach((inviter, roles) -> queue(invitation,
				this.emails.declinedNotice(inviter.getEmail(), email, roles), now));
	}

	/**
	 * The active administrators who offered roles of the invitation and still administer
	 * the area of one of them, with those roles, in the order they first offered one.
	 */
	private Map<UserAccount, List<RoleOffer>> rolesByInviter(Invitation invitation) {
		Map<Long, List<RoleOffer>> offered = new LinkedHashMap<>();
		for (InvitedRole role : invitation.getRoles()) {
			offered.computeIfAbsent(role.getInvitedBy(), (inviter) -> new ArrayList<>()).add(role.offer());
		}
		Map<UserAccount, List<RoleOffer>> stillAdministered = new LinkedHashMap<>();
		offered.forEach((inviterId, roles) -> {
			AdministratorScope scope = this.scopes.forAccount(inviterId);
			List<RoleOffer> inScope = roles.stream().filter((role) -> scope.covers(role.areaId())).toList();
			if (inScope.isEmpty()) {
				return;
			}
			UserAccount inviter = this.accounts.get(inviterId);
			if (inviter.getStatus() == AccountStatus.ACTIVE) {
				stillAdministered.put(inviter, inScope);
			}
		});
		return stillAdministered;
	}

	private void queue(Invitation invitation, OutgoingEmail email, Instant now) {
		this.mailer.toInviter(email, invitation.getId(), now);
	}

}
