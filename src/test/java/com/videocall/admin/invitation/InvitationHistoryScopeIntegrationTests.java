package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationPages;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Manage Invitation dialog shows the history and the emails of an invitation shared
 * by two clinics only as far as each administrator's scope reaches (X1, X3): nothing
 * names the other clinic's administrator or areas, and the emails the other clinic's
 * roles caused are left out.
 */
@IntegrationTest
class InvitationHistoryScopeIntegrationTests extends AdministratorPagesTest {

	private static final String SYSTEM_ADMINISTRATOR = "admin@example.org";

	Clinic theirs;

	long invitation;

	/**
	 * Invited by my clinic, then by theirs to their waiting area (the same pending
	 * invitation), then reminded from their waiting area's people list.
	 */
	@BeforeEach
	void sharedInvitation() throws Exception {
		this.theirs = this.organisation.clinic();
		String invitee = this.clinic.email("shared");
		this.invitation = this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		assertThat(this.invitations.pendingFor(invitee, this.theirs.adminEmail(), this.theirs.waitingArea(),
				Role.SERVICE_PROVIDER))
			.isEqualTo(this.invitation);
		Browser them = this.pages.as(this.theirs.adminEmail());
		assertThat(successBanner(
				them.follow(them.post(this.theirs.waitingAreaPath() + "/invitations/" + this.invitation + "/reminder",
						"version", String.valueOf(this.records.version(this.invitation))))))
			.startsWith("Reminder sent to");
	}

	@Test
	void showsAReminderFromAnotherAreasPageWithoutItsAdministratorOrArea() throws Exception {
		Document dialog = dialogAs(this.clinic.adminEmail());

		assertThat(history(dialog)).hasSize(2);
		assertThat(history(dialog).get(0)).contains("Invited by Admin " + this.clinic.tag());
		assertThat(history(dialog).get(1)).endsWith("Reminder sent by an administrator of another area");
		assertThat(dialog.text()).doesNotContain(this.theirs.tag());
	}

	@Test
	void showsWhoSentAReminderAndFromWhichPageToAdministratorsOfItsArea() throws Exception {
		assertThat(history(dialogAs(this.theirs.adminEmail())))
			.anySatisfy((entry) -> assertThat(entry).contains("Reminder sent by Admin " + this.theirs.tag())
				.contains("(from ")
				.contains("Waiting area " + this.theirs.tag()));

		this.invitations.moveLastReminderBack(this.invitation, Duration.ofHours(1));
		Browser me = this.pages.as(this.clinic.adminEmail());
		me.submit(InvitationPages.reminderForm(dialogAs(this.clinic.adminEmail())));

		assertThat(history(dialogAs(this.clinic.adminEmail())).get(2))
			.endsWith("Reminder sent by Admin " + this.clinic.tag() + " (from Users: Manage Invitation)");
		Document theirDialog = dialogAs(this.theirs.adminEmail());
		assertThat(history(theirDialog).get(2)).endsWith("Reminder sent by an administrator of another area");
		assertThat(theirDialog.text()).doesNotContain("Admin " + this.clinic.tag())
			.doesNotContain("Waiting area " + this.clinic.tag())
			.doesNotContain("Unit " + this.clinic.tag());
	}

	@Test
	void leavesOutTheEmailsThatRolesOfOtherAreasCaused() throws Exception {
		assertThat(this.records.emailsOf(this.invitation)).isEqualTo(3);

		assertThat(emailSubjects(dialogAs(this.clinic.adminEmail())))
			.containsExactly("Reminder: set up your Video Call Admin account", "You are invited to Video Call Admin");
		assertThat(emailSubjects(dialogAs(this.theirs.adminEmail())))
			.containsExactly("Reminder: set up your Video Call Admin account", "You are invited to Video Call Admin");
	}

	@Test
	void showsEveryEntryAndEmailWithItsAdministratorToASystemAdministrator() throws Exception {
		Document dialog = dialogAs(SYSTEM_ADMINISTRATOR);

		assertThat(history(dialog)).hasSize(3)
			.anySatisfy((entry) -> assertThat(entry).contains("Roles added by Admin " + this.theirs.tag()))
			.anySatisfy((entry) -> assertThat(entry).contains("Reminder sent by Admin " + this.theirs.tag())
				.contains("Waiting area " + this.theirs.tag()));
		assertThat(emailSubjects(dialog)).hasSize(3);
	}

	private Document dialogAs(String admin) throws Exception {
		return this.pages.as(admin).open(InvitationPages.dialogUrl(this.invitation));
	}

	private static List<String> history(Document dialog) {
		return dialog.select("ol.history li").eachText();
	}

	private static List<String> emailSubjects(Document dialog) {
		return dialog.select("h2:containsOwn(Emails) + table tbody tr td:nth-child(1)").eachText();
	}

}
