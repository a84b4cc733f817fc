package com.videocall.admin.worklist;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.web.Paging;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each filter of the Pending Invitations list (P2) at its boundaries, with a clock the
 * test moves: links are planted to expire exactly at, just before and just after each
 * limit, measured from the clock's now.
 */
@MovableClockIntegrationTest
class PendingInvitationFiltersIntegrationTests {

	private static final Duration VALIDITY = Duration.ofDays(14);

	@Autowired
	MutableClock clock;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	PendingInvitations pending;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pages pages;

	Clinic clinic;

	@BeforeEach
	void ownClinic() {
		this.clinic = this.organisation.clinic();
	}

	@Test
	void expiringWithinThreeDaysAndLinkExpiredMeetAtNow() throws Exception {
		Instant now = this.clock.instant();
		plantExpiringAt("expired.long.ago", now.minus(Duration.ofDays(1)));
		plantExpiringAt("expires.now", now);
		plantExpiringAt("expires.next.second", now.plusSeconds(1));
		plantExpiringAt("expires.in.three.days", now.plus(Duration.ofDays(3)));
		plantExpiringAt("expires.just.after", now.plus(Duration.ofDays(3)).plusSeconds(1));

		assertThat(emails(PendingFilter.EXPIRED)).containsExactlyInAnyOrder(email("expired.long.ago"),
				email("expires.now"));
		assertThat(emails(PendingFilter.EXPIRING)).containsExactlyInAnyOrder(email("expires.next.second"),
				email("expires.in.three.days"));
		assertThat(emails(PendingFilter.ALL)).hasSize(5);
		assertThat(this.pending.counts(scope())).isEqualTo(new PendingInvitations.Counts(5, 2, 2, 0, 0));

		// A second later the link at "now" stays expired and the next one joins it.
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(emails(PendingFilter.EXPIRED)).contains(email("expires.next.second"));
		assertThat(emails(PendingFilter.EXPIRING)).containsExactlyInAnyOrder(email("expires.in.three.days"),
				email("expires.just.after"));
		Document page = this.pages.as(this.clinic.adminEmail())
			.open("/pending-invitations?filter=expiring&q=" + this.clinic.tag());
		assertThat(page.select("table tbody tr")).hasSize(2);
		assertThat(page.select("#filter option[selected]").text()).isEqualTo("Expiring within 3 days");
	}

	@Test
	void closingWithinSevenDaysFromJustAfterNowToSevenDaysAheadInScope() throws Exception {
		Instant now = this.clock.instant();
		closingAt(plantExpiringAt("closes.now", now.plus(VALIDITY)), now);
		closingAt(plantExpiringAt("closes.next.second", now.plus(VALIDITY)), now.plusSeconds(1));
		closingAt(plantExpiringAt("closes.in.seven.days", now.plus(VALIDITY)), now.plus(Duration.ofDays(7)));
		closingAt(plantExpiringAt("closes.just.after", now.plus(VALIDITY)),
				now.plus(Duration.ofDays(7)).plusSeconds(1));
		long expired = plantExpiringAt("expired", now.plus(VALIDITY));
		closingAt(expired, now.plus(Duration.ofDays(1)));

		assertThat(emails(PendingFilter.CLOSING)).containsExactlyInAnyOrder(email("closes.next.second"),
				email("closes.in.seven.days"), email("expired"));
		assertThat(this.pending.counts(scope()).closing()).isEqualTo(3);
		// Another clinic's administrator sees none of them.
		Clinic other = this.organisation.clinic();
		assertThat(emails(this.invitations.scope(other.adminEmail()), PendingFilter.CLOSING, PendingSort.INVITED))
			.isEmpty();
		assertThat(this.pending.counts(this.invitations.scope(other.adminEmail())).closing()).isZero();

		// An expired invitation leaves the list, as every ended one does.
		this.jdbc.sql("update invitation set status = 'EXPIRED', ended_at = ? where id = ?")
			.params(Timestamp.from(now), expired)
			.update();
		assertThat(emails(PendingFilter.CLOSING)).containsExactlyInAnyOrder(email("closes.next.second"),
				email("closes.in.seven.days"));
		assertThat(emails(PendingFilter.ALL)).doesNotContain(email("expired"));

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(emails(PendingFilter.CLOSING)).containsExactlyInAnyOrder(email("closes.in.seven.days"),
				email("closes.just.after"));
		Document page = this.pages.as(this.clinic.adminEmail())
			.open("/pending-invitations?filter=closing&q=" + this.clinic.tag());
		assertThat(page.select("table tbody tr")).hasSize(2);
		assertThat(page.select("#filter option[selected]").text()).isEqualTo("Closing within 7 days");
	}

	@Test
	void emailFailedReadsTheNewestEmailOnly() {
		Instant now = this.clock.instant();
		long failed = plantExpiringAt("failed", now.plus(VALIDITY));
		long recovered = plantExpiringAt("recovered", now.plus(VALIDITY));
		long queued = plantExpiringAt("queued", now.plus(VALIDITY));
		email(failed, "FAILED", now);
		email(recovered, "FAILED", now.minusSeconds(60));
		email(recovered, "SENT", now);
		email(queued, "QUEUED", now);

		assertThat(emails(PendingFilter.EMAIL_FAILED)).containsExactly(email("failed"));
		assertThat(this.pending.counts(scope()).emailFailed()).isEqualTo(1);
	}

	@Test
	void neverRemindedUntilTheFirstReminder() {
		long reminded = this.invitations.pendingFor(email("reminded"), this.clinic.adminEmail(),
				this.clinic.waitingArea(), Role.SERVICE_PROVIDER);
		this.invitations.pendingFor(email("not.reminded"), this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		assertThat(emails(PendingFilter.NEVER_REMINDED)).hasSize(2);
		this.jdbc.sql("update invitation set reminders_sent = 1, last_reminded_at = ? where id = ?")
			.params(Timestamp.from(this.clock.instant()), reminded)
			.update();
		assertThat(emails(PendingFilter.NEVER_REMINDED)).containsExactly(email("not.reminded"));
	}

	@Test
	void inviterNoLongerAnAdministratorOfThatRolesArea() {
		Instant now = this.clock.instant();
		long stillAdmin = this.organisation.person("Still " + this.clinic.tag(), email("still"));
		this.organisation.grant(stillAdmin, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		long demoted = this.organisation.person("Demoted " + this.clinic.tag(), email("demoted"));
		this.organisation.grant(demoted, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		long disabled = this.organisation.person("Disabled " + this.clinic.tag(), email("disabled"));
		this.organisation.grant(disabled, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		long moved = this.organisation.person("Moved " + this.clinic.tag(), email("moved"));
		this.organisation.grant(moved, Role.MEETING_ROOM_ADMINISTRATOR, this.clinic.meetingRoom());

		invite("by.unit.admin", this.clinic.admin(), now);
		invite("by.still", stillAdmin, now);
		invite("by.demoted", demoted, now);
		invite("by.disabled", disabled, now);
		// Invited by a meeting room's administrator to a waiting area they never
		// administered.
		invite("by.moved", moved, now);
		this.jdbc.sql("delete from role_grant where account_id = ?").param(demoted).update();
		this.jdbc.sql("update account set status = ? where id = ?")
			.params(AccountStatus.DISABLED.name(), disabled)
			.update();

		assertThat(emails(PendingFilter.INVITER_GONE)).containsExactlyInAnyOrder(email("by.demoted"),
				email("by.disabled"), email("by.moved"));
		assertThat(this.pending
			.find(scope(),
					new PendingQuery(this.clinic.tag(), PendingFilter.INVITER_GONE, this.clinic.waitingArea(),
							PendingSort.INVITED),
					Paging.page(1))
			.getContent()).hasSize(3);
		assertThat(this.pending
			.find(scope(),
					new PendingQuery(this.clinic.tag(), PendingFilter.INVITER_GONE, this.clinic.meetingRoom(),
							PendingSort.INVITED),
					Paging.page(1))
			.getContent()).isEmpty();
	}

	@Test
	void sortsByInvitedDateAndByLinkExpiry() {
		Instant now = this.clock.instant();
		plantExpiringAt("second", now.plus(Duration.ofDays(2)));
		plantExpiringAt("first", now.plus(Duration.ofDays(1)));
		plantExpiringAt("third", now.plus(Duration.ofDays(3)));
		assertThat(emails(PendingFilter.ALL, PendingSort.EXPIRY)).containsExactly(email("first"), email("second"),
				email("third"));
		assertThat(emails(PendingFilter.ALL, PendingSort.INVITED)).containsExactly(email("third"), email("second"),
				email("first"));
		assertThat(emails(PendingFilter.ALL, PendingSort.INVITED_OLDEST)).containsExactly(email("first"),
				email("second"), email("third"));
	}

	/** Moves the invitation's close moment (LC2); its stored keys follow. */
	private void closingAt(long invitation, Instant closesAt) {
		this.jdbc.sql("update invitation set closes_at = ? where id = ?")
			.params(Timestamp.from(closesAt), invitation)
			.update();
	}

	private long plantExpiringAt(String who, Instant expiresAt) {
		return invite(who, this.clinic.admin(), expiresAt.minus(VALIDITY));
	}

	private long invite(String who, long by, Instant at) {
		return this.organisation.invite(this.organisation.invitee(email(who)), by, at)
			.offering(Role.SERVICE_PROVIDER, this.clinic.waitingArea())
			.id();
	}

	/**
	 * An email about the invitation, queued for an event whose entry in the activity
	 * trail concerns no role (as a reminder's): every administrator of the invitation
	 * sees it.
	 */
	private void email(long invitation, String status, Instant at) {
		long event = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
		this.jdbc.sql("""
				insert into outbound_email (topic, reference, message_id, recipient, subject, text_body, html_body,
				                            status, next_attempt_at, created_at, sent_at, last_error)
				values (?, ?, ?, 'x@test.invalid', 'Reminder', 'text', 'html', ?, ?, ?, ?, ?)
				""")
			.params("invitation:" + invitation, "invitation-event:" + event,
					"<" + java.util.UUID.randomUUID() + "@test.invalid>", status, Timestamp.from(at),
					Timestamp.from(at), "SENT".equals(status) ? Timestamp.from(at) : null,
					"FAILED".equals(status) ? "550 mailbox unavailable" : null)
			.update();
	}

	private List<String> emails(PendingFilter filter) {
		return emails(filter, PendingSort.INVITED);
	}

	/**
	 * The clinic's rows as its administrator sees them; a System Administrator's list,
	 * read from another statement (every pending invitation), shows the same.
	 */
	private List<String> emails(PendingFilter filter, PendingSort sort) {
		List<String> emails = emails(scope(), filter, sort);
		assertThat(emails(this.invitations.scope(SignIn.ADMIN), filter, sort)).isEqualTo(emails);
		return emails;
	}

	private List<String> emails(AdministratorScope scope, PendingFilter filter, PendingSort sort) {
		return this.pending.find(scope, new PendingQuery(this.clinic.tag(), filter, null, sort), Paging.page(1, 100))
			.getContent()
			.stream()
			.map(PendingInvitationRow::email)
			.toList();
	}

	private AdministratorScope scope() {
		return this.invitations.scope(this.clinic.adminEmail());
	}

	private String email(String who) {
		return this.clinic.email(who);
	}

}
