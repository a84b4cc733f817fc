package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.errorBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.servlet.MvcResult;

/**
 * Every action checks scope and CSRF on the server (X1, X2): an invitation outside the
 * administrator's scope is "not found" like one that does not exist, and nothing changes.
 */
@IntegrationTest
class InvitationAccessIntegrationTests extends AdministratorPagesTest {

	private static final long UNKNOWN = 987_654_321L;

	Clinic theirs;

	/** A pending invitation of the other clinic only. */
	long invitation;

	String invitee;

	@BeforeEach
	void twoClinics() {
		this.theirs = this.organisation.clinic();
		this.invitee = this.theirs.email("theirs");
		this.invitation = this.invitations.pendingFor(this.invitee, this.theirs.adminEmail(), this.theirs.waitingArea(),
				Role.SERVICE_PROVIDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/invitations/{id}/reminder", "/users/invitations/{id}/removal",
			"{mine}/invitations/{id}/reminder", "{mine}/invitations/{id}/cancellation",
			"{theirs}/invitations/{id}/reminder", "{theirs}/invitations/{id}/cancellation" })
	void answersNotFoundAndChangesNothingForAnInvitationOutsideScope(String action) throws Exception {
		State before = state();

		MvcResult result = this.admin.post(url(action, this.invitation), "version", String.valueOf(before.version()),
				"role", String.valueOf(roleId()));

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(state()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/invitations/{id}/reminder", "/users/invitations/{id}/removal",
			"{mine}/invitations/{id}/reminder", "{mine}/invitations/{id}/cancellation" })
	void answersNotFoundForAnUnknownInvitation(String action) throws Exception {
		long emails = this.records.emailsTo(this.invitee);

		MvcResult result = this.admin.post(url(action, UNKNOWN), "version", "0", "role", String.valueOf(roleId()));

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.records.emailsTo(this.invitee)).isEqualTo(emails);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/invitations/{id}", "/users/invitations/{id}/removal?all=true" })
	void answersNotFoundWhenOpeningAnInvitationOutsideScope(String page) throws Exception {
		assertThat(this.admin.request(url(page, this.invitation)).getResponse().getStatus()).isEqualTo(404);
		assertThat(this.admin.request(url(page, UNKNOWN)).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void removesNoRoleOutsideScopeEvenWhenItsIdIsSent() throws Exception {
		this.invitations.pendingFor(this.invitee, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.RECEPTIONIST);
		State before = state();

		MvcResult result = this.admin.post(url("/users/invitations/{id}/removal", this.invitation), "version",
				String.valueOf(before.version()), "role", String.valueOf(roleId()));

		assertThat(errorBanner(this.admin.follow(result))).isEqualTo("Select at least one role to remove.");
		assertThat(state()).isEqualTo(before);
		assertThat(this.records.roles(this.invitation)).contains(
				new RoleOffer(Role.SERVICE_PROVIDER, this.theirs.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
	}

	@Test
	void addsNobodyToAnAreaOutsideScope() throws Exception {
		String stranger = this.clinic.email("stranger");

		MvcResult result = this.admin.addUsers(this.theirs.waitingAreaPath(), stranger, "", Role.SERVICE_PROVIDER);

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.records.accountExists(stranger)).isFalse();
		assertThat(this.records.emailsTo(stranger)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/invitations/{id}/reminder", "/users/invitations/{id}/removal",
			"{theirs}/invitations/{id}/reminder", "{theirs}/invitations/{id}/cancellation", "{theirs}/add-users" })
	void refusesEveryActionWithoutACsrfToken(String action) throws Exception {
		Browser theirAdmin = this.pages.as(this.theirs.adminEmail());
		State before = state();

		MvcResult result = theirAdmin.postWithoutCsrfToken(url(action, this.invitation), "version",
				String.valueOf(before.version()), "role", String.valueOf(roleId()), "recipients",
				this.theirs.email("forged"), "roles", "RECEPTIONIST");

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(state()).isEqualTo(before);
		assertThat(this.records.accountExists(this.theirs.email("forged"))).isFalse();
	}

	private String url(String action, long invitation) {
		return action.replace("{mine}", this.clinic.waitingAreaPath())
			.replace("{theirs}", this.theirs.waitingAreaPath())
			.replace("{id}", String.valueOf(invitation));
	}

	private long roleId() {
		return this.records.roleIds(this.invitation).get(0);
	}

	/** Everything an action could change about the invitation. */
	private State state() {
		return new State(this.records.version(this.invitation), this.records.status(this.invitation),
				this.records.roles(this.invitation), this.records.remindersSent(this.invitation),
				this.records.linkHashes(this.invitation).size(), this.records.emailsOf(this.invitation),
				this.records.emailsTo(this.invitee));
	}

	private record State(long version, String status, List<RoleOffer> roles, int remindersSent, int links,
			long emailsOfInvitation, long emailsToInvitee) {
	}

}
