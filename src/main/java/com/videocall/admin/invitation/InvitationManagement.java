package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.RoleGrants;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.mail.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' use cases on invitations: Add Users (A2), Send Reminder (M2),
 * removing roles (M3, M4) and cancelling an area's roles (O3). Each runs in one
 * transaction with its history entry and its emails, and acts only on roles inside the
 * administrator's scope.
 */
@Service
public class InvitationManagement {

	private final InvitationRepository invitations;

	private final InvitationAccess access;

	private final AccountManagement accounts;

	private final RoleGrants roleGrants;

	private final Invitees invitees;

	private final InvitationMailer mailer;

	private final InvitationEmails emails;

	private final InvitationHistory history;

	private final Outbox outbox;

	private final InvitationProperties properties;

	private final Clock clock;

	InvitationManagement(InvitationRepository invitations, InvitationAccess access, AccountManagement accounts,
			RoleGrants roleGrants, Invitees invitees, InvitationMailer mailer, InvitationEmails emails,
			InvitationHistory history, Outbox outbox, InvitationProperties properties, Clock clock) {
		this.invitations = invitations;
		this.access = access;
		this.accounts = accounts;
		this.roleGrants = roleGrants;
		this.invitees = invitees;
		this.mailer = mailer;
		this.emails = emails;
		this.history = history;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Offers the roles of one area to everyone listed; all or nothing. The caller has
	 * checked that the area is in scope and that the roles belong to it.
	 */
	@Transactional
	public AddUsersOutcome addUsers(AdministratorScope scope, AccountUser actor, Collection<RoleOffer> offers,
			String recipients, String customMessage, String sourcePage) {
		Map<String, Optional<UserAccount>> people = new LinkedHashMap<>();
		for (String email : this.invitees.resolve(recipients, scope)) {
			people.put(email, this.accounts.findByEmail(email));
		}
		refuseDisabled(people);
		Instant now = this.clock.instant();
		AddUsersOutcome outcome = AddUsersOutcome.empty();
		people.forEach((email, account) -> {
			if (account.isEmpty()) {
				invite(this.accounts.createInvited(email, now), offers, actor, customMessage, sourcePage, now);
				outcome.invited().add(email);
			}
			else if (account.get().getStatus() == AccountStatus.ACTIVE) {
				(grant(account.get(), offers, actor, customMessage, now) ? outcome.granted() : outcome.unchanged())
					.add(account.get().getEmail());
			}
			else {
				addTo(account.get(), offers, actor, customMessage, sourcePage, now, outcome);
			}
		});
		return outcome;
	}

	/**
	 * Send Reminder from the Manage Invitation dialog: emails a fresh link; the previous
	 * one stops working (M2, X4). Returns the invitee's email.
	 */
	@Transactional
	public String remind(AdministratorScope scope, AccountUser actor, long invitationId, long expectedVersion,
			String sourcePage) {
		return remind(scope, actor, invitationId, expectedVersion, null, sourcePage);
	}

	/**
	 * Send Reminder from the page of the area {@code fromAreaId} (an area's "Resend
	 * Invitation"), or from the dialog when it is null. The history keeps which areas it
	 * was sent for, so administrators of other areas do not read who sent it or from
	 * which page.
	 */
	@Transactional
	public String remind(AdministratorScope scope, AccountUser actor, long invitationId, long expectedVersion,
			Long fromAreaId, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		Instant now = this.clock.instant();
		invitation.remind(now, this.properties.reminderInterval());
		String email = this.accounts.get(invitation.getAccountId()).getEmail();
		Set<Long> doneFor = (fromAreaId != null) ? Set.of(fromAreaId)
				: invitation.getRoles()
					.stream()
					.map(InvitedRole::getAreaId)
					.filter(scope::covers)
					.collect(Collectors.toSet());
		long event = this.history.recordFor(invitation.getId(), HistoryType.REMINDER_SENT, actor.accountId(), now,
				sourcePage, doneFor);
		this.mailer.sendLink(invitation, email, actor.displayName(), null, true, now, event);
		return email;
	}

	/**
	 * Removes the chosen roles that are in scope (M3); cancels the invitation when none
	 * remain (M4).
	 */
	@Transactional
	public RemovalOutcome removeRoles(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, Set<Long> invitedRoleIds, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		return remove(scope, actor, invitation, invitedRoleIds, sourcePage);
	}

	/**
	 * Removes every role of one area from the invitation (O3, W3, R2 "Cancel
	 * Invitation").
	 */
	@Transactional
	public RemovalOutcome cancelForArea(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, long areaId, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		Set<Long> ofArea = new java.util.HashSet<>();
		invitation.getRoles()
			.stream()
			.filter((role) -> role.getAreaId() == areaId)
			.forEach((r) -> ofArea.add(r.getId()));
		return remove(scope, actor, invitation, ofArea, sourcePage);
	}

	private RemovalOutcome remove(AdministratorScope scope, AccountUser actor, Invitation invitation,
			Set<Long> invitedRoleIds, String sourcePage) {
		Instant now = this.clock.instant();
		List<InvitedRole> removed = invitation.removeRoles(invitedRoleIds, (role) -> scope.covers(role.getAreaId()),
				now);
		if (removed.isEmpty()) {
			throw new NothingSelectedException();
		}
		this.history.record(invitation.getId(), HistoryType.ROLES_REMOVED, actor.accountId(), now, sourcePage, removed);
		boolean cancelled = !invitation.isPending();
		if (cancelled) {
			this.history.record(invitation.getId(), HistoryType.CANCELLED, actor.accountId(), now, sourcePage, removed);
		}
		boolean remainsElsewhere = !cancelled
				&& invitation.getRoles().stream().noneMatch((role) -> scope.covers(role.getAreaId()));
		return new RemovalOutcome(this.accounts.get(invitation.getAccountId()).getEmail(),
				removed.stream().map(InvitedRole::offer).toList(), cancelled, remainsElsewhere);
	}

	private void invite(UserAccount account, Collection<RoleOffer> offers, AccountUser actor, String customMessage,
			String sourcePage, Instant now) {
		Invitation invitation = this.invitations.save(new Invitation(account.getId(), actor.accountId(), now));
		List<InvitedRole> added = invitation.offer(offers, actor.accountId(), now);
		this.invitations.flush();
		long event = this.history.record(invitation.getId(), HistoryType.INVITED, actor.accountId(), now, sourcePage,
				added);
		this.mailer.sendLink(invitation, account.getEmail(), actor.displayName(), customMessage, false, now, event);
	}

	private void addTo(UserAccount account, Collection<RoleOffer> offers, AccountUser actor, String customMessage,
			String sourcePage, Instant now, AddUsersOutcome outcome) {
		Optional<Invitation> pending = this.invitations.findPendingForChange(account.getId());
		if (pending.isEmpty()) {
			invite(account, offers, actor, customMessage, sourcePage, now);
			outcome.invited().add(account.getEmail());
			return;
		}
		Invitation invitation = pending.get();
		List<InvitedRole> added = invitation.offer(offers, actor.accountId(), now);
		if (added.isEmpty()) {
			outcome.unchanged().add(account.getEmail());
			return;
		}
		this.invitations.flush();
		invitation.markSent(now);
		long event = this.history.record(invitation.getId(), HistoryType.ROLES_ADDED, actor.accountId(), now,
				sourcePage, added);
		this.mailer.sendLink(invitation, account.getEmail(), actor.displayName(), customMessage, false, now, event);
		outcome.extended().add(account.getEmail());
	}

	private boolean grant(UserAccount account, Collection<RoleOffer> offers, AccountUser actor, String customMessage,
			Instant now) {
		List<RoleOffer> granted = offers.stream()
			.filter((offer) -> this.roleGrants.grant(account.getId(), offer.role(), offer.areaId(), now))
			.toList();
		if (!granted.isEmpty()) {
			this.outbox.queue(this.emails.rolesGranted(account.getEmail(), actor.displayName(), granted, customMessage),
					null, null);
		}
		return !granted.isEmpty();
	}

	private static void refuseDisabled(Map<String, Optional<UserAccount>> people) {
		List<String> disabled = new ArrayList<>();
		people.forEach((email, account) -> account.filter((a) -> a.getStatus() == AccountStatus.DISABLED)
			.ifPresent((a) -> disabled.add(email)));
		if (!disabled.isEmpty()) {
			InviteeProblemsException problems = new InviteeProblemsException();
			problems.disabled.addAll(disabled);
			throw problems;
		}
	}

}
