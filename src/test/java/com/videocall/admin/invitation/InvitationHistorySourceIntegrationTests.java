package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationPages;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Each line of an invitation's history says from which page its action was taken: Add
 * Users of an area ("Add Users: {area}"), an area's people list ("Manage Users: {area}"
 * for a waiting area or meeting room, "Manage Administrators: {unit}" for a unit), or the
 * Manage Invitation dialog over the Users list ("Users: Manage Invitation").
 */
@IntegrationTest
class InvitationHistorySourceIntegrationTests extends AdministratorPagesTest {

	@Test
	void namesThePageEachActionWasTakenFrom() throws Exception {
		String invitee = this.clinic.email("sourced");
		String by = "Admin " + this.clinic.tag();

		// Add Users in the waiting area, the meeting room and the unit: one invitation.
		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.waitingAreaPath(), invitee, "", Role.SERVICE_PROVIDER)));
		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.meetingRoomPath(), invitee, "", Role.MEETING_ROOM_MEMBER)));
		successBanner(this.admin
			.follow(this.admin.addUsers(this.clinic.unitPath(), invitee, "", Role.ORGANISATION_REPORTER)));
		long invitation = this.records.pendingFor(invitee);
		List<Long> roles = this.records.roleIds(invitation);
		// "Resend Invitation" in the waiting area's Manage Users list.
		successBanner(this.admin.submit(InvitationPages.actionOf(
				this.admin.open(AreaKind.WAITING_AREA.peoplePath(this.clinic.waitingArea())), invitee, "/reminder")));
		// "Send Reminder" in the dialog, once the reminder interval has passed.
		this.invitations.moveLastReminderBack(invitation, Duration.ofHours(1));
		successBanner(this.admin
			.submit(InvitationPages.reminderForm(this.admin.open(InvitationPages.dialogUrl(invitation)))));
		// The meeting room's role removed in the dialog.
		successBanner(this.admin.follow(this.admin.post(InvitationPages.dialogUrl(invitation) + "/removal", "version",
				String.valueOf(this.records.version(invitation)), "role", String.valueOf(roles.get(1)))));
		// "Cancel Invitation" in the unit's Manage Administrators list: the unit's role
		// goes.
		successBanner(this.admin.submit(
				InvitationPages.actionOf(this.admin.open(AreaKind.ORGANISATIONAL_UNIT.peoplePath(this.clinic.unit())),
						invitee, "/cancellation")));
		// "Cancel Invitation" in the waiting area's list: its last role goes (one line),
		// and with it the invitation (another).
		successBanner(this.admin.submit(
				InvitationPages.actionOf(this.admin.open(AreaKind.WAITING_AREA.peoplePath(this.clinic.waitingArea())),
						invitee, "/cancellation")));

		List<Element> history = this.admin.open(InvitationPages.dialogUrl(invitation)).select("ol.history li");
		assertThat(history).extracting(Element::text)
			.satisfiesExactly(
					(line) -> assertThat(line).contains("Invited by " + by)
						.endsWith("(from Add Users: " + this.clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Roles added by " + by)
						.endsWith("(from Add Users: " + this.clinic.meetingRoomName() + ")"),
					(line) -> assertThat(line).contains("Roles added by " + by)
						.endsWith("(from Add Users: " + this.clinic.unitName() + ")"),
					(line) -> assertThat(line).contains("Reminder sent by " + by)
						.endsWith("(from Manage Users: " + this.clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Reminder sent by " + by)
						.endsWith("(from Users: Manage Invitation)"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Users: Manage Invitation)"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Manage Administrators: " + this.clinic.unitName() + ")"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Manage Users: " + this.clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Invitation cancelled by " + by)
						.endsWith("(from Manage Users: " + this.clinic.waitingAreaName() + ")"));
		assertThat(history).extracting((line) -> line.select(".muted").text())
			.as("the source, apart from the rest of the line")
			.allSatisfy((source) -> assertThat(source).startsWith("(from "));
	}

}
