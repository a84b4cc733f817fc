package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaNames;
import com.videocall.admin.invitation.InvitationView.RoleLine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an invitation as one administrator may see it, for the Manage Invitation dialog.
 */
@Service
public class InvitationViews {

	private final InvitationAccess access;

	private final AccountManagement accounts;

	private final AreaNames areaNames;

	private final InvitationHistory history;

	private final InvitationMailer mailer;

	private final InvitationProperties properties;

	private final Clock clock;

	InvitationViews(InvitationAccess access, AccountManagement accounts, AreaNames areaNames, InvitationHistory history,
			InvitationMailer mailer, InvitationProperties properties, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.areaNames = areaNames;
		this.history = history;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public InvitationView get(AdministratorScope scope, long invitationId) {
		Invitation invitation = this.access.forReading(scope, invitationId);
		List<InvitedRole> visible = invitation.getRoles()
			.stream()
			.filter((role) -> scope.covers(role.getAreaId()))
			.toList();
		Map<Long, String> names = this.areaNames.of(visible.stream().map(InvitedRole::getAreaId).toList());
		List<RoleLine> roles = visible.stream()
			.map((role) -> new RoleLine(role.getId(), role.getRole(), names.get(role.getAreaId()), role.getInvitedAt(),
					name(role.getInvitedBy())))
			.sorted(Comparator.comparing(RoleLine::areaName).thenComparing(RoleLine::role))
			.toList();
		// "Invited by" is the first role in scope: an earlier invitation from another
		// area stays unseen.
		InvitedRole first = visible.stream().min(Comparator.comparing(InvitedRole::getInvitedAt)).orElse(null);
		Instant now = this.clock.instant();
		Instant nextReminder = invitation.nextReminderAt(this.properties.reminderInterval());
		Instant expiresAt = invitation.getLinkExpiresAt();
		List<HistoryEntry> history = this.history.visibleTo(scope, invitationId);
		// An email shows to those who read the history entry of the action that queued
		// it: not the emails that other areas' roles caused.
		List<Long> causes = history.stream().map(HistoryEntry::id).toList();
		return new InvitationView(invitation.getId(), invitation.getVersion(), invitation.getAccountId(),
				this.accounts.get(invitation.getAccountId()).getEmail(), invitation.getStatus(),
				(first != null) ? first.getInvitedAt() : invitation.getInvitedAt(),
				(first != null) ? name(first.getInvitedBy()) : null, invitation.getRemindersSent(),
				invitation.getLastSentAt(), expiresAt, expiresAt != null && !now.isBefore(expiresAt), nextReminder,
				!now.isBefore(nextReminder), roles, history, this.mailer.deliveries(invitationId, causes));
	}

	private String name(long accountId) {
		return this.accounts.get(accountId).getDisplayName();
	}

}
