package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.videocall.admin.directory.Role;
import com.videocall.admin.mail.EmailStatus;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationPages;
import com.videocall.admin.support.InvitationRecords.Delivery;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Email is never lost (X6): actions succeed while the mail server is down, their emails
 * wait in the outbox with the reason, and each is delivered once the server is back.
 */
@IntegrationTest
class InvitationMailOutageIntegrationTests extends AdministratorPagesTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Test
	void keepsEmailsQueuedWhileTheMailServerIsDownAndDeliversEachOnceItIsBack() throws Exception {
		String invited = this.clinic.email("invited");
		String reminded = this.clinic.email("reminded");
		String active = this.clinic.email("active");
		this.organisation.person("Active " + this.clinic.tag(), active);

		this.mail.stop();
		try {
			assertThat(successBanner(this.admin.follow(this.admin.addUsers(this.clinic.waitingAreaPath(),
					invited + ", " + reminded, "", Role.SERVICE_PROVIDER))))
				.contains(invited, reminded);
			long invitation = this.records.pendingFor(reminded);
			assertThat(
					successBanner(this.admin.follow(this.admin.post(InvitationPages.dialogUrl(invitation) + "/reminder",
							"version", String.valueOf(this.records.version(invitation))))))
				.isEqualTo("Reminder sent to " + reminded + ".");
			assertThat(successBanner(this.admin
				.follow(this.admin.addUsers(this.clinic.meetingRoomPath(), active, "", Role.MEETING_ROOM_MEMBER))))
				.isEqualTo("Roles given at once to " + active + ".");

			awaitFailedAttempt(invited, reminded, active);
			Document dialog = this.admin.open(InvitationPages.dialogUrl(invitation));
			assertThat(dialog.select("h2:containsOwn(Emails) + table tbody tr td:nth-child(3)").eachText()).hasSize(2)
				.allSatisfy((delivery) -> assertThat(delivery).startsWith("Queued").contains("Last error:"));
		}
		finally {
			this.mail.start();
		}

		this.mail.awaitEmails(invited, 1);
		this.mail.awaitEmails(reminded, 2);
		this.mail.awaitEmails(active, 1);
		assertThat(Stream.of(invited, reminded, active).flatMap((to) -> this.records.deliveriesTo(to).stream()))
			.hasSize(4)
			.allSatisfy((delivery) -> {
				assertThat(delivery.status()).isEqualTo(EmailStatus.SENT);
				assertThat(delivery.attempts()).isGreaterThan(1);
				assertThat(delivery.lastError()).isNull();
			});
	}

	/**
	 * Waits until the dispatcher has tried every email to the recipients once, then
	 * checks that each still waits in the outbox with the reason it failed.
	 */
	private void awaitFailedAttempt(String... recipients) {
		await().atMost(PATIENCE)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(deliveries(recipients))
				.allSatisfy((delivery) -> assertThat(delivery.lastError()).isNotNull()));
		assertThat(deliveries(recipients)).hasSize(4).allSatisfy((delivery) -> {
			assertThat(delivery.status()).isEqualTo(EmailStatus.QUEUED);
			assertThat(delivery.attempts()).isPositive();
			assertThat(delivery.lastError()).isNotBlank();
		});
	}

	private List<Delivery> deliveries(String... recipients) {
		return Stream.of(recipients).flatMap((to) -> this.records.deliveriesTo(to).stream()).toList();
	}

}
