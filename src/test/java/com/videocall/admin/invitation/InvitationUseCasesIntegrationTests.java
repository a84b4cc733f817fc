package com.videocall.admin.invitation;

import static com.videocall.admin.invitation.HistoryType.ACCEPTED;
import static com.videocall.admin.invitation.HistoryType.CANCELLED;
import static com.videocall.admin.invitation.HistoryType.INVITED;
import static com.videocall.admin.invitation.HistoryType.REMINDER_SENT;
import static com.videocall.admin.invitation.HistoryType.ROLES_ADDED;
import static com.videocall.admin.invitation.HistoryType.ROLES_REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.LinkPages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each use case that changes an invitation leaves its history entry, and the email it
 * causes, because it saves the invitation (see {@link InvitationSavingTests}): one
 * invitation taken through every administrator's use case, step by step, and one through
 * the invitee's set-up. (A new link for an expired one:
 * InvitationLinkExpiryIntegrationTests.)
 */
@IntegrationTest
class InvitationUseCasesIntegrationTests extends AdministratorPagesTest {

	private static final String PAGE = "Use case test";

	@Autowired
	Invitees invitees;

	@Autowired
	InvitationManagement management;

	@Autowired
	InvitationAcceptance acceptance;

	@Test
	void everyAdministratorsUseCaseWritesItsHistoryAndItsEmails() {
		Invitee invitee = this.invitees.pendingFor(clinic, "use-cases",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		assertSteps(invitee, 1, INVITED);

		this.invitees.pendingFor(clinic, "use-cases",
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertSteps(invitee, 2, INVITED, ROLES_ADDED);

		this.invitees.remind(invitee);
		assertSteps(invitee, 3, INVITED, ROLES_ADDED, REMINDER_SENT);

		this.invitees.removeRoles(invitee, Role.RECEPTIONIST);
		assertSteps(invitee, 3, INVITED, ROLES_ADDED, REMINDER_SENT, ROLES_REMOVED);

		this.management.cancelForArea(this.invitations.scope(this.clinic.adminEmail()),
				this.invitations.actor(this.clinic.adminEmail()), invitee.invitation(),
				this.records.version(invitee.invitation()), this.clinic.waitingArea(), PAGE);
		assertSteps(invitee, 3, INVITED, ROLES_ADDED, REMINDER_SENT, ROLES_REMOVED, ROLES_REMOVED);

		this.management.cancelForArea(this.invitations.scope(this.clinic.adminEmail()),
				this.invitations.actor(this.clinic.adminEmail()), invitee.invitation(),
				this.records.version(invitee.invitation()), this.clinic.meetingRoom(), PAGE);
		assertSteps(invitee, 3, INVITED, ROLES_ADDED, REMINDER_SENT, ROLES_REMOVED, ROLES_REMOVED, ROLES_REMOVED,
				CANCELLED);
		assertThat(this.invitees.status(invitee)).isEqualTo("CANCELLED");
	}

	@Test
	void settingUpTheAccountWritesItsHistory() {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "sets-up");

		this.acceptance.accept(this.invitees.token(invitee), "Use Case Person", LinkPages.PASSWORD).orElseThrow();

		assertThat(this.invitees.history(invitee)).containsExactly(INVITED, ACCEPTED);
		// The administrator who invited hears back (LC5).
		assertThat(this.invitees.emailRecipients(invitee)).containsExactly(invitee.email(), this.clinic.adminEmail());
		assertThat(this.invitees.status(invitee)).isEqualTo("ACCEPTED");
	}

	/** The history so far, and how many emails the invitee has been sent for it. */
	private void assertSteps(Invitee invitee, int emails, HistoryType... history) {
		assertThat(this.invitees.history(invitee)).containsExactly(history);
		assertThat(this.invitees.emailRecipients(invitee)).hasSize(emails).containsOnly(invitee.email());
	}

}
