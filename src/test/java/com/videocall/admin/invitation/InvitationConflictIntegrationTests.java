package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationPages;
import com.videocall.admin.web.RelativeTime;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Reminders wait for their interval (X4); a form sent twice never repeats its effect or
 * its email (X5).
 */
@IntegrationTest
class InvitationConflictIntegrationTests extends AdministratorPagesTest {

	private static final Duration REMINDER_INTERVAL = Duration.ofMinutes(10);

	@Autowired
	RelativeTime times;

	@Test
	void refusesASecondReminderWithinTheIntervalAndSaysWhenTheNextIsPossible() throws Exception {
		String invitee = this.clinic.email("impatient");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		successBanner(remind(invitation));
		String nextPossible = this.times.dateTime(this.invitations.lastRemindedAt(invitation).plus(REMINDER_INTERVAL));
		Document dialog = this.admin.open(InvitationPages.dialogUrl(invitation));
		assertThat(InvitationPages.reminderForm(dialog).selectFirst("button").hasAttr("disabled")).isTrue();
		assertThat(dialog.text()).contains("The next reminder is possible from " + nextPossible + ".");
		long version = this.records.version(invitation);

		Document refused = remind(invitation);

		assertThat(errorBanner(refused))
			.isEqualTo("A reminder was sent recently. The next one is possible from " + nextPossible + ".");
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.remindersSent(invitation)).isOne();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(2);
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void sendsAnotherReminderOnceTheIntervalHasPassed() throws Exception {
		String invitee = this.clinic.email("patient");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		successBanner(remind(invitation));
		this.invitations.moveLastReminderBack(invitation, REMINDER_INTERVAL);

		assertThat(successBanner(remind(invitation))).isEqualTo("Reminder sent to " + invitee + ".");
		assertThat(this.records.remindersSent(invitation)).isEqualTo(2);
		this.mail.awaitEmails(invitee, 3);
	}

	@Test
	void sendsOneReminderWhenTheFormIsSentTwice() throws Exception {
		String invitee = this.clinic.email("double.remind");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		String version = String.valueOf(this.records.version(invitation));
		String url = InvitationPages.dialogUrl(invitation) + "/reminder";

		MvcResult first = this.admin.post(url, "version", version);
		MvcResult second = this.admin.post(url, "version", version);

		assertThat(successBanner(this.admin.follow(first))).isEqualTo("Reminder sent to " + invitee + ".");
		assertThat(errorBanner(this.admin.follow(second))).contains("changed after the page was shown");
		assertThat(this.records.version(invitation)).isEqualTo(Long.parseLong(version) + 1);
		assertThat(this.records.remindersSent(invitation)).isOne();
		assertThat(this.records.events(invitation, "REMINDER_SENT")).isOne();
		assertThat(this.records.linkHashes(invitation)).hasSize(2);
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void removesRolesOnceWhenTheFormIsSentTwice() throws Exception {
		String invitee = this.clinic.email("double.remove");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		String receptionist = String.valueOf(this.records.roleIds(invitation).get(1));
		String version = String.valueOf(this.records.version(invitation));
		String url = InvitationPages.dialogUrl(invitation) + "/removal";

		MvcResult first = this.admin.post(url, "version", version, "role", receptionist);
		MvcResult second = this.admin.post(url, "version", version, "role", receptionist);

		assertThat(successBanner(this.admin.follow(first)))
			.isEqualTo("Removed Receptionist from the invitation for " + invitee + ".");
		assertThat(errorBanner(this.admin.follow(second))).contains("changed after the page was shown");
		assertThat(this.records.version(invitation)).isEqualTo(Long.parseLong(version) + 1);
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.events(invitation, "ROLES_REMOVED")).isOne();
		assertThat(this.records.emailsOf(invitation)).isOne();
	}

	private long invite(String invitee, Role... roles) {
		return this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(), roles);
	}

	/** "Send Reminder" in the Manage Invitation dialog, with the version it shows. */
	private Document remind(long invitation) throws Exception {
		return this.admin.follow(this.admin.post(InvitationPages.dialogUrl(invitation) + "/reminder", "version",
				String.valueOf(this.records.version(invitation))));
	}

}
