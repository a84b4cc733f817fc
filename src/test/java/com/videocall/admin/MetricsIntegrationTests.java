package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.activity.ActivityIntegrity;
import com.videocall.admin.invitation.InvitationExpiry;
import com.videocall.admin.activity.IntegrityCheck;
import com.videocall.admin.mail.Outbox;
import com.videocall.admin.mail.OutgoingEmail;
import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.FastPasswords;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.ManagementPort;
import com.videocall.admin.support.OwnDatabaseInitializer;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metrics an operator scrapes (S2), read as Prometheus reads them from the management
 * port, while the application does its work: emails queued, sent and failing, invitations
 * made, reminded and accepted, the activity trail's integrity checked. The application
 * has a database of its own, so that the outbox and the pending invitations hold only
 * what these tests put there.
 */
// Retries 1 s, then 2 s apart (MailServer's settings), five attempts: an email is given
// up about 7 s after it was queued, while the backlog, a gauge read again after 200 ms
// here, is watched within a second or two of the mail server stopping.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.com.icegreen.greenmail=WARN", "app.metrics-refresh=200ms",
				"app.mail.max-attempts=5" })
@ContextConfiguration(initializers = { OwnDatabaseInitializer.class, MailServer.Initializer.class })
@Import({ FastPasswords.class, TestOrganisation.class, MailServer.class, InvitationRecords.class, Invitees.class })
class MetricsIntegrationTests {

	/** Far longer than the gauges' refresh and a few dispatcher rounds. */
	private static final Duration PATIENCE = Duration.ofSeconds(40);

	private static final List<String> APPLICATION_METRICS = List.of("videocall_outbox_backlog",
			"videocall_outbox_oldest_age_seconds", "videocall_emails_sent_total",
			"videocall_emails_attempts_failed_total", "videocall_emails_failed_total", "videocall_invitations_pending",
			"videocall_invitations_reminders_sent_total", "videocall_invitations_accepted_total",
			"videocall_invitations_expired_total", "videocall_invitations_expiry_runs_seconds_max",
			"videocall_invitations_expiry_last_timestamp_seconds", "videocall_activity_integrity_broken",
			"videocall_activity_integrity_checked_timestamp_seconds");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	MailServer mail;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityIntegrity integrity;

	@Autowired
	InvitationExpiry expiry;

	ManagementPort management;

	@BeforeEach
	void outboxEmpty() {
		this.management = new ManagementPort(this.managementPort);
		awaitMetric("videocall_outbox_backlog", 0);
	}

	@Test
	void exposesTheApplicationsMetricsBesideTheStandardOnes() {
		assertThat(new HttpBrowser(this.port).get("/sign-in").status()).isEqualTo(200);
		String metrics = this.management.metrics();
		for (String name : APPLICATION_METRICS) {
			assertThat(metrics).contains("# HELP " + name + " ").contains(name + "{application=\"video-call-admin\"} ");
		}
		assertThat(metrics).contains("http_server_requests_seconds_count{application=\"video-call-admin\"",
				"uri=\"/sign-in\"", "hikaricp_connections_active", "jvm_memory_used_bytes",
				"application_ready_time_seconds");
	}

	@Test
	void showsTheOutboxBacklogRisingWhileTheMailServerIsStoppedAndFallingAfter() {
		Clinic clinic = this.organisation.clinic();
		double sent = metric("videocall_emails_sent_total");
		double failedAttempts = metric("videocall_emails_attempts_failed_total");
		double failed = metric("videocall_emails_failed_total");
		double reminders = metric("videocall_invitations_reminders_sent_total");
		double pending = metric("videocall_invitations_pending");
		List<Invitee> invited = new ArrayList<>();

		this.mail.stop();
		try {
			for (int i = 0; i < 5; i++) {
				Invitee invitee = this.invitees.pendingFor(clinic, "backlog-" + i);
				this.invitees.remind(invitee);
				invited.add(invitee);
			}
			// An invitation and a reminder each: ten emails wait.
			awaitMetric("videocall_outbox_backlog", 10);
			assertThat(metric("videocall_invitations_reminders_sent_total")).isEqualTo(reminders + 5);
			assertThat(metric("videocall_invitations_pending")).isEqualTo(pending + 5);
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(metric("videocall_emails_attempts_failed_total"))
					.isGreaterThan(failedAttempts));
			assertThat(metric("videocall_outbox_oldest_age_seconds")).isPositive();
		}
		finally {
			this.mail.start();
		}

		awaitMetric("videocall_outbox_backlog", 0);
		awaitMetric("videocall_emails_sent_total", sent + 10);
		assertThat(metric("videocall_outbox_oldest_age_seconds")).isZero();
		assertThat(metric("videocall_emails_failed_total")).isEqualTo(failed);
		for (Invitee invitee : invited) {
			this.mail.awaitEmails(invitee.email(), 2);
		}
	}

	@Test
	void countsAnAcceptedInvitationAndNoLongerCountsItPending() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "accepting");
		String token = this.invitees.token(invitee);
		double accepted = metric("videocall_invitations_accepted_total");
		awaitMetric("videocall_invitations_pending", pendingInvitations());
		double pending = metric("videocall_invitations_pending");

		HttpBrowser browser = new HttpBrowser(this.port);
		String csrf = browser.get("/invitation/" + token).document().selectFirst("input[name=_csrf]").val();
		HttpBrowser.Page setUp = browser.post("/invitation/" + token, Map.of("_csrf", csrf, "fullName", "Ada Accepting",
				"password", "a long and unusual passphrase", "confirmPassword", "a long and unusual passphrase"));
		assertThat(setUp.status()).isEqualTo(302);

		assertThat(metric("videocall_invitations_accepted_total")).isEqualTo(accepted + 1);
		awaitMetric("videocall_invitations_pending", pending - 1);
	}

	@Test
	void countsAnExpiredInvitationAndWhenTheExpiryJobLastRan() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "expiring");
		this.jdbc.sql("update invitation set closes_at = now() - interval '1 second' where id = ?")
			.param(invitee.invitation())
			.update();
		double expired = metric("videocall_invitations_expired_total");
		double runs = metric("videocall_invitations_expiry_runs_seconds_count");
		awaitMetric("videocall_invitations_pending", pendingInvitations());
		double pending = metric("videocall_invitations_pending");

		Instant before = Instant.now();
		assertThat(this.expiry.expireDue(Instant.now())).isOne();

		assertThat(metric("videocall_invitations_expired_total")).isEqualTo(expired + 1);
		assertThat(metric("videocall_invitations_expiry_runs_seconds_count")).isEqualTo(runs + 1);
		assertThat(metric("videocall_invitations_expiry_last_timestamp_seconds"))
			.isGreaterThanOrEqualTo(before.getEpochSecond());
		awaitMetric("videocall_invitations_pending", pending - 1);
	}

	@Test
	void countsAnEmailThatIsGivenUpAsFailed() {
		double failed = metric("videocall_emails_failed_total");
		// An address no mail server takes: every attempt fails until the last. Queued as
		// if three of its five attempts had failed already: the two left (and the
		// back-off between them, in which the backlog shows it) give it up in 2 s
		// instead of the 7 s of all five.
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.queue(new OutgoingEmail("<broken", "Never delivered", "Text", "<p>Text</p>"), null, null,
					Set.of(), Instant.now());
			this.jdbc.sql("update outbound_email set attempts = 3 where recipient = '<broken' and status = 'QUEUED'")
				.update();
		});
		awaitMetric("videocall_outbox_backlog", 1);

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(metric("videocall_emails_failed_total")).isEqualTo(failed + 1));
		awaitMetric("videocall_outbox_backlog", 0);
	}

	/** The newest check of the activity trail's integrity, whichever instance ran it. */
	@Test
	void showsTheNewestIntegrityCheckOfTheActivityTrail() {
		IntegrityCheck check = this.integrity.check();

		awaitMetric("videocall_activity_integrity_broken", 0);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(metric("videocall_activity_integrity_checked_timestamp_seconds"))
				.isCloseTo(check.checkedAt().getEpochSecond(), within(1.0)));
	}

	private long pendingInvitations() {
		return this.jdbc.sql("select count(*) from invitation where status = 'PENDING'").query(Long.class).single();
	}

	private double metric(String name) {
		return this.management.metric(name);
	}

	private void awaitMetric(String name, double value) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(metric(name)).as(name).isEqualTo(value));
	}

}
