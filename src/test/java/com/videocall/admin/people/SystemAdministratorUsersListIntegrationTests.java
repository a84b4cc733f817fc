package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.InvitationAcceptance;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A System Administrator's Users list reads the accounts marked {@code account.listed},
 * which the people module's database triggers keep up to date (V8): an account is listed
 * exactly while it holds a role or is offered one by a pending invitation, under its
 * current name and status.
 */
@IntegrationTest
class SystemAdministratorUsersListIntegrationTests {

	@Autowired
	Users users;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	InvitationManagement management;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	InvitationAcceptance acceptance;

	@Test
	void listsAnInviteeWhileTheInvitationOffersARole() {
		Clinic clinic = this.organisation.clinic();
		String invitee = clinic.email("listed");
		assertThat(listed(invitee)).isFalse();

		long invitation = this.invitations.pendingFor(invitee, clinic.adminEmail(), clinic.waitingArea(),
				Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		assertThat(listed(invitee)).isTrue();

		Long first = this.records.roleIds(invitation).get(0);
		this.management.removeRoles(this.invitations.scope(clinic.adminEmail()),
				this.invitations.actor(clinic.adminEmail()), invitation, this.records.version(invitation),
				Set.of(first), "test");
		assertThat(listed(invitee)).as("one role left").isTrue();

		this.management.removeRoles(this.invitations.scope(clinic.adminEmail()),
				this.invitations.actor(clinic.adminEmail()), invitation, this.records.version(invitation),
				Set.copyOf(this.records.roleIds(invitation)), "test");
		assertThat(this.records.status(invitation)).isEqualTo("CANCELLED");
		assertThat(listed(invitee)).as("after the invitation is cancelled").isFalse();
	}

	@Test
	void listsAnInviteeUnderTheirNameAndAsActiveOnceTheySetUpTheirAccount() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "sets-up");
		String name = "Zed Set-Up " + TestOrganisation.tag();
		assertThat(find(invitee.email(), StatusFilter.INVITED)).extracting(UserRow::displayName)
			.containsExactly(invitee.email());

		this.acceptance.accept(this.invitees.token(invitee), name, LinkPages.PASSWORD).orElseThrow();

		assertThat(find(invitee.email(), StatusFilter.INVITED)).isEmpty();
		assertThat(find(invitee.email(), StatusFilter.ACTIVE)).extracting(UserRow::displayName).containsExactly(name);
		assertThat(find(name, StatusFilter.ALL)).extracting(UserRow::email).containsExactly(invitee.email());
	}

	@Test
	void listsAnActiveAccountWhileItHoldsARole() {
		Clinic clinic = this.organisation.clinic();
		String email = clinic.email("active");
		long person = this.organisation.person("Active Person", email);
		assertThat(listed(email)).as("no role yet").isFalse();

		this.organisation.grant(person, Role.MEETING_ROOM_MEMBER, clinic.meetingRoom());

		assertThat(listed(email)).isTrue();
	}

	private boolean listed(String email) {
		return find(email, StatusFilter.ALL).stream().anyMatch((row) -> row.email().equalsIgnoreCase(email));
	}

	private List<UserRow> find(String search, StatusFilter status) {
		return this.users.find(this.invitations.scope(SignIn.ADMIN), search, status, Paging.page(1)).getContent();
	}

}
