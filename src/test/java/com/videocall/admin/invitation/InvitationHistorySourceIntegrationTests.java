package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each line of an invitation's history says from which page its action was taken: Add
 * Users of an area ("Add Users: {area}"), an area's people list ("Manage Users: {area}"
 * for a waiting area or meeting room, "Manage Administrators: {unit}" for a unit), or the
 * Manage Invitation dialog over the Users list ("Users: Manage Invitation").
 */
@IntegrationTest
class InvitationHistorySourceIntegrationTests {

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Test
	void namesThePageEachActionWasTakenFrom() throws Exception {
		Clinic clinic = this.organisation.clinic();
		Browser admin = this.pages.as(clinic.adminEmail());
		String invitee = clinic.email("sourced");
		String by = "Admin " + clinic.tag();

		// Add Users in the waiting area, the meeting room and the unit: one invitation.
		successBanner(admin.follow(admin.addUsers(clinic.waitingAreaPath(), invitee, "", Role.SERVICE_PROVIDER)));
		successBanner(admin.follow(admin.addUsers(clinic.meetingRoomPath(), invitee, "", Role.MEETING_ROOM_MEMBER)));
		successBanner(admin.follow(admin.addUsers(clinic.unitPath(), invitee, "", Role.ORGANISATION_REPORTER)));
		long invitation = this.records.pendingFor(invitee);
		List<Long> roles = this.records.roleIds(invitation);
		// "Resend Invitation" in the waiting area's Manage Users list.
		successBanner(admin.submit(InvitationPages
			.actionOf(admin.open(AreaKind.WAITING_AREA.peoplePath(clinic.waitingArea())), invitee, "/reminder")));
		// "Send Reminder" in the dialog, once the reminder interval has passed.
		this.invitations.moveLastReminderBack(invitation, Duration.ofHours(1));
		successBanner(admin.submit(InvitationPages.reminderForm(admin.open(InvitationPages.dialogUrl(invitation)))));
		// The meeting room's role removed in the dialog.
		successBanner(admin.follow(admin.post(InvitationPages.dialogUrl(invitation) + "/removal", "version",
				String.valueOf(this.records.version(invitation)), "role", String.valueOf(roles.get(1)))));
		// "Cancel Invitation" in the unit's Manage Administrators list: the unit's role
		// goes.
		successBanner(admin.submit(InvitationPages
			.actionOf(admin.open(AreaKind.ORGANISATIONAL_UNIT.peoplePath(clinic.unit())), invitee, "/cancellation")));
		// "Cancel Invitation" in the waiting area's list: its last role goes (one line),
		// and with it the invitation (another).
		successBanner(admin.submit(InvitationPages
			.actionOf(admin.open(AreaKind.WAITING_AREA.peoplePath(clinic.waitingArea())), invitee, "/cancellation")));

		List<Element> history = admin.open(InvitationPages.dialogUrl(invitation)).select("ol.history li");
		assertThat(history).extracting(Element::text)
			.satisfiesExactly(
					(line) -> assertThat(line).contains("Invited by " + by)
						.endsWith("(from Add Users: " + clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Roles added by " + by)
						.endsWith("(from Add Users: " + clinic.meetingRoomName() + ")"),
					(line) -> assertThat(line).contains("Roles added by " + by)
						.endsWith("(from Add Users: " + clinic.unitName() + ")"),
					(line) -> assertThat(line).contains("Reminder sent by " + by)
						.endsWith("(from Manage Users: " + clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Reminder sent by " + by)
						.endsWith("(from Users: Manage Invitation)"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Users: Manage Invitation)"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Manage Administrators: " + clinic.unitName() + ")"),
					(line) -> assertThat(line).contains("Roles removed by " + by)
						.endsWith("(from Manage Users: " + clinic.waitingAreaName() + ")"),
					(line) -> assertThat(line).contains("Invitation cancelled by " + by)
						.endsWith("(from Manage Users: " + clinic.waitingAreaName() + ")"));
		assertThat(history).extracting((line) -> line.select(".muted").text())
			.as("the source, apart from the rest of the line")
			.allSatisfy((source) -> assertThat(source).startsWith("(from "));
	}

}
