package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.successBanner;
import static com.videocall.admin.support.InvitationPages.actionOf;
import static com.videocall.admin.support.InvitationPages.dialogUrl;
import static com.videocall.admin.support.InvitationPages.emailsIn;
import static com.videocall.admin.support.InvitationPages.reminderForm;
import static com.videocall.admin.support.InvitationPages.removalForm;
import static com.videocall.admin.support.InvitationPages.rolesIn;
import static com.videocall.admin.support.InvitationPages.rowOf;
import static com.videocall.admin.support.InvitationPages.tick;
import static com.videocall.admin.support.InvitationPages.tickSelectAll;
import static com.videocall.admin.support.InvitationPages.yesForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.mail.EmailStatus;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords.StoredEmail;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestOrganisation.Clinic;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The administrators' journeys through the pages (M, O, W, R, A), with real emails.
 */
@IntegrationTest
class InvitationJourneyIntegrationTests extends AdministratorPagesTest {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080/invitation/([A-Za-z0-9_-]{43})");

	@Test
	void emailsALinkOnAddUsersAndAFreshOneOnReminderThatReplacesIt() throws Exception {
		String invitee = this.clinic.email("new.nurse");
		Document people = addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER);
		assertThat(successBanner(people)).isEqualTo("Invitation sent to " + invitee + ".");
		assertThat(emailsIn(people)).contains(invitee);
		MimeMessage first = this.mail.awaitEmails(invitee, 1).get(0);
		assertThat(MailServer.text(first)).contains("Welcome to the team");
		String firstToken = token(first);

		long invitation = this.records.pendingFor(invitee);
		Document dialog = this.admin.submit(reminderForm(dialog(this.admin, invitation)));
		assertThat(successBanner(dialog)).isEqualTo("Reminder sent to " + invitee + ".");
		// The first reminder may follow the invitation at once; the interval counts
		// between reminders.
		MimeMessage second = this.mail.awaitEmails(invitee, 2).get(1);
		assertThat(second.getSubject()).isEqualTo("Reminder: set up your Video Call Admin account");
		String secondToken = token(second);

		assertThat(secondToken).isNotEqualTo(firstToken);
		List<byte[]> links = this.records.linkHashes(invitation);
		assertThat(links).hasSize(2);
		assertThat(links.get(0)).as("the first link, replaced").isEqualTo(InvitationTokens.sha256(firstToken));
		assertThat(links.get(1)).as("the newest link").isEqualTo(InvitationTokens.sha256(secondToken));
	}

	@Test
	void removesOneOfTwoRolesOnceConfirmed() throws Exception {
		String invitee = this.clinic.email("two.roles");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);
		long version = this.records.version(invitation);

		Element removal = removalForm(dialog(this.admin, invitation));
		tick(removal, "Receptionist in " + this.clinic.waitingAreaName());
		Document confirmation = this.admin.submit(removal);
		assertThat(confirmation.select("dialog li").eachText())
			.containsExactly("Receptionist in " + this.clinic.waitingAreaName());
		Element no = confirmation.selectFirst("dialog a:containsOwn(No)");
		assertThat(no.attr("href")).isEqualTo(dialogUrl(invitation));
		assertThat(rolesIn(this.admin.open(no.attr("href")))).hasSize(2);
		assertThat(this.records.version(invitation)).as("version after No").isEqualTo(version);

		Document dialog = this.admin.submit(yesForm(confirmation));

		assertThat(successBanner(dialog)).isEqualTo("Removed Receptionist from the invitation for " + invitee + ".");
		assertThat(rolesIn(dialog)).containsExactly("Service Provider");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
		assertThat(this.records.events(invitation, "ROLES_REMOVED")).isOne();
	}

	@Test
	void cancelsTheInvitationWhenSelectAllIsConfirmed() throws Exception {
		String invitee = this.clinic.email("leaving");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);

		Element removal = removalForm(dialog(this.admin, invitation));
		tickSelectAll(removal);
		Document confirmation = this.admin.submit(removal);
		assertThat(confirmation.select("dialog li")).hasSize(2);
		Document users = this.admin.submit(yesForm(confirmation));

		assertThat(successBanner(users)).contains("The invitation for " + invitee + " is cancelled");
		assertThat(this.records.status(invitation)).isEqualTo("CANCELLED");
		assertThat(this.records.roles(invitation)).isEmpty();
		assertThat(emailsIn(this.admin.open("/users?q=" + invitee))).doesNotContain(invitee);
		assertThat(emailsIn(this.admin.open(this.clinic.waitingAreaPath() + "/users"))).doesNotContain(invitee);
	}

	@Test
	void cancelInvitationOfAnAreaRemovesOnlyThatAreasRoles() throws Exception {
		String invitee = this.clinic.email("two.areas");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER);
		Document rooms = addUsers(this.admin, this.clinic.meetingRoomPath(), invitee, Role.MEETING_ROOM_MEMBER);
		assertThat(successBanner(rooms)).isEqualTo("Invitation extended with the new roles for " + invitee + ".");
		long invitation = this.records.pendingFor(invitee);

		Document waitingArea = this.admin.open(this.clinic.waitingAreaPath() + "/users");
		Document after = this.admin.submit(actionOf(waitingArea, invitee, "/cancellation"));

		assertThat(successBanner(after)).isEqualTo("Invitation cancelled for " + invitee + " in "
				+ this.clinic.waitingAreaName() + ". The invitation for " + invitee + " remains for other areas.");
		assertThat(emailsIn(after)).doesNotContain(invitee);
		Document meetingRoom = this.admin.open(this.clinic.meetingRoomPath() + "/users");
		assertThat(rowOf(meetingRoom, invitee).text()).contains("Invited").endsWith("as Meeting Room Member");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
	}

	@Test
	void resendInvitationOfAnAreaEmailsAFreshLink() throws Exception {
		String invitee = this.clinic.email("resend");
		addUsers(this.admin, this.clinic.meetingRoomPath(), invitee, Role.MEETING_ROOM_MEMBER);
		long invitation = this.records.pendingFor(invitee);

		Document meetingRoom = this.admin.open(this.clinic.meetingRoomPath() + "/users");
		Document after = this.admin.submit(actionOf(meetingRoom, invitee, "/reminder"));

		assertThat(successBanner(after)).isEqualTo("Reminder sent to " + invitee + ".");
		List<MimeMessage> emails = this.mail.awaitEmails(invitee, 2);
		assertThat(token(emails.get(1))).isNotEqualTo(token(emails.get(0)));
		assertThat(this.records.remindersSent(invitation)).isOne();
	}

	@Test
	void removesOnlyRolesInTheAdministratorsScope() throws Exception {
		Clinic other = this.organisation.clinic();
		Browser otherAdmin = this.pages.as(other.adminEmail());
		String invitee = this.clinic.email("shared");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER);
		Document extended = addUsers(otherAdmin, other.waitingAreaPath(), invitee, Role.RECEPTIONIST);
		assertThat(successBanner(extended)).isEqualTo("Invitation extended with the new roles for " + invitee + ".");
		long invitation = this.records.pendingFor(invitee);

		Document dialog = dialog(this.admin, invitation);
		assertThat(rolesIn(dialog)).containsExactly("Service Provider");
		assertThat(dialog.text()).doesNotContain(other.waitingAreaName()).doesNotContain(other.tag());
		Element removal = removalForm(dialog);
		tickSelectAll(removal);
		Document confirmation = this.admin.submit(removal);
		assertThat(confirmation.select("dialog li").eachText())
			.containsExactly("Service Provider in " + this.clinic.waitingAreaName());
		Document users = this.admin.submit(yesForm(confirmation));

		assertThat(successBanner(users)).contains("The invitation for " + invitee + " remains for other areas.")
			.doesNotContain(other.tag());
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.RECEPTIONIST, other.waitingArea()));
		assertThat(emailsIn(this.admin.open("/users?q=" + invitee))).doesNotContain(invitee);
		assertThat(this.admin.request(dialogUrl(invitation)).getResponse().getStatus()).isEqualTo(404);
		assertThat(rolesIn(dialog(otherAdmin, invitation))).containsExactly("Receptionist");
	}

	@Test
	void showsTheDialogOverTheUsersListAndClosesBackToItAsItWas() throws Exception {
		String invitee = this.clinic.email("behind.dialog");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER);
		long invitation = this.records.pendingFor(invitee);

		Document dialog = this.admin.open(dialogUrl(invitation) + "?q=behind.dialog&status=invited");

		// "Close" returns to the list as it was, at the row of the person it was opened
		// for.
		assertThat(dialog.selectFirst("dialog[open] a:contains(Close)").attr("href"))
			.isEqualTo("/users?q=behind.dialog&status=invited#user-" + this.organisation.accountId(invitee));
		Element list = dialog.selectFirst(".behind-dialog");
		assertThat(list.selectFirst("input[name=q]").val()).isEqualTo("behind.dialog");
		assertThat(list.selectFirst("option[selected]").val()).isEqualTo("invited");
		assertThat(list.select("tbody tr td:nth-child(2)").eachText()).containsExactly(invitee);
	}

	@Test
	void removesTheTokenFromTheStoredEmailOnceDelivered() throws Exception {
		String invitee = this.clinic.email("stored");
		addUsers(this.admin, this.clinic.waitingAreaPath(), invitee, Role.SERVICE_PROVIDER);
		String token = token(this.mail.awaitEmails(invitee, 1).get(0));

		StoredEmail stored = this.records.storedEmailsTo(invitee).get(0);
		assertThat(stored.status()).isEqualTo(EmailStatus.SENT);
		assertThat(stored.textBody()).doesNotContain(token).contains("/invitation/[removed-after-delivery]");
		assertThat(stored.htmlBody()).doesNotContain(token).contains("/invitation/[removed-after-delivery]");
	}

	private static Document addUsers(Browser admin, String areaPath, String invitee, Role... roles) throws Exception {
		return admin.follow(admin.addUsers(areaPath, invitee, "Welcome to the team", roles));
	}

	private static Document dialog(Browser admin, long invitation) throws Exception {
		return admin.open(dialogUrl(invitation));
	}

	private static String token(MimeMessage message) {
		Matcher matcher = LINK.matcher(MailServer.text(message));
		assertThat(matcher.find()).as("a link in the email").isTrue();
		return matcher.group(1);
	}

}
