package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.HeldLocks;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Personal data kept only as long as needed (LC3), with the job run by the test at the
 * moment it chooses (tests schedule no round: app.retention.interval). Invitations end
 * through their own use cases now; the test then moves their end back by the retention
 * period (and a day either side), so that the job, asked about now, finds them due and
 * nobody else's. Afterwards every text column of every table is searched for the address,
 * the name and the custom message.
 */
@IntegrationTest
class PersonalDataRetentionIntegrationTests extends AdministratorPagesTest {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	@Autowired
	PersonalDataRetention retention;

	@Autowired
	InvitationManagement management;

	@Autowired
	InvitationAcceptance acceptance;

	@Autowired
	InvitationExpiry expiry;

	@Autowired
	Invitees invitees;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockProvider locks;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DataSource dataSource;

	@Test
	void removesTheAddressAndMessageOnTheDayNotTheDayBeforeFromEveryTableAndSaysRemoved() throws Exception {
		String email = this.clinic.email("declined");
		String message = "Welcome aboard " + this.clinic.tag() + " team";
		long invitation = invite(email, message);
		Invitee invitee = new Invitee(this.clinic, email, invitation);
		assertThat(this.acceptance.decline(this.invitees.token(invitee))).isPresent();
		awaitDelivered(invitation);
		long accountId = this.organisation.accountId(email);
		long emails = this.records.emailsOf(invitation);
		assertThat(emails).isGreaterThanOrEqualTo(2);
		assertThat(tablesHolding(email)).contains("account.email", "outbound_email.recipient",
				"outbound_email.text_body");
		assertThat(tablesHolding(message)).contains("outbound_email.text_body");

		Instant now = Instant.now();
		Instant cutoff = this.retention.cutoff(now);
		endedAt(invitation, cutoff.plus(Duration.ofDays(1)));
		this.retention.removeDue(now);
		assertThat(removed(invitation)).isFalse();
		assertThat(tablesHolding(email)).contains("account.email");

		endedAt(invitation, cutoff);
		long entries = removalEntries();
		assertThat(this.retention.removeDue(now)).isPositive();
		assertThat(removed(invitation)).isTrue();
		assertThat(tablesHolding(email)).isEmpty();
		assertThat(tablesHolding(message)).isEmpty();
		assertThat(
				this.jdbc.sql("select email from account where id = ?").param(accountId).query(String.class).single())
			.isEqualTo("removed-" + accountId + "@removed.invalid");
		// Roles, status, times and the emails' count and statuses stay.
		assertThat(this.records.status(invitation)).isEqualTo("DECLINED");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails);
		assertThat(this.jdbc.sql("select count(*) from outbound_email where topic = ? and status = 'SENT'")
			.param("invitation:" + invitation)
			.query(Long.class)
			.single()).isEqualTo(emails);
		assertThat(removalEntries()).isEqualTo(entries + 1);
		assertThat(this.jdbc.sql("""
				select x.area_id from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.kind = 'PERSONAL_DATA_REMOVED' and e.actor_id is null and e.person_id is null
				order by e.id desc limit 1
				""").query(Long.class).single()).isEqualTo(this.clinic.waitingArea());

		// No invitation for the placeholder: Add Users racing the job fails rather than
		// make one.
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc.sql("""
				with made as (insert into invitation (account_id, status, invited_at, last_sent_at)
				              values (?, 'PENDING', now(), now()) returning id)
				insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
				select id, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), now(), now() + interval '1 day'
				from made
				""").param(accountId).update()).withMessageContaining("whose personal data was removed");
		// Inviting the address again makes a new account.
		long again = invite(email, null);
		assertThat(this.records.status(again)).isEqualTo("PENDING");
		assertThat(this.organisation.accountId(email)).isNotEqualTo(accountId);
		this.invitations.removeAllRoles(again, this.clinic.adminEmail());
		awaitDelivered(again);

		// Once only: a second round finds nothing and records nothing.
		assertThat(this.retention.removeDue(now)).isZero();
		assertThat(removalEntries()).isEqualTo(entries + 1);

		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.select(".facts dd").eachText()).contains("removed", "Declined");
		assertThat(dialog.text()).doesNotContain(email);
		Document declined = this.admin.open("/activity?what=DECLINED");
		long declinedEntry = this.jdbc
			.sql("select id from activity_entry where invitation_id = ? and kind = 'DECLINED'")
			.param(invitation)
			.query(Long.class)
			.single();
		assertThat(declined.select("#entry-" + declinedEntry + " td[data-label=Person]").text()).isEqualTo("removed");
		Document removals = this.admin.open("/activity?what=PERSONAL_DATA_REMOVED");
		assertThat(removals.select("tr[id^=entry-] td[data-label=What]").eachText())
			.contains("Personal data removed from 1 ended invitation");
		// The account's own page, which a System Administrator can still open.
		String systemAdministrator = this.clinic.email("system");
		long system = this.organisation.person("System " + this.clinic.tag(), systemAdministrator);
		this.jdbc.sql("update account set system_administrator = true where id = ?").param(system).update();
		Document user = this.pages.as(systemAdministrator).open("/users/" + accountId);
		assertThat(user.select("h1").text()).isEqualTo("removed");
		assertThat(user.text()).doesNotContain(email).doesNotContain("removed.invalid");
		// "Sent Emails" says "removed" for the address it no longer holds.
		long sentToThem = this.jdbc.sql("select min(id) from outbound_email where recipient = ?")
			.param("removed-" + accountId + "@removed.invalid")
			.query(Long.class)
			.single();
		Document sent = this.pages.as(systemAdministrator).open("/sent-emails/" + sentToThem);
		assertThat(sent.select(".facts dd").first().text()).isEqualTo("removed");
		assertThat(sent.text()).doesNotContain(email).doesNotContain("removed.invalid");
	}

	@Test
	void keepsTheAccountOfAnAcceptedPersonAndOfOneInvitedAgainButScrubsTheEndedInvitationsEmails() throws Exception {
		String accepted = this.clinic.email("accepted");
		String name = "Accepted Person " + this.clinic.tag();
		String message = "See you soon " + this.clinic.tag();
		long acceptedInvitation = invite(accepted, message);
		assertThat(this.acceptance.accept(this.invitees.token(new Invitee(this.clinic, accepted, acceptedInvitation)),
				name, LinkPages.PASSWORD))
			.isPresent();
		String again = this.clinic.email("again");
		long cancelled = invite(again, message);
		this.invitations.removeAllRoles(cancelled, this.clinic.adminEmail());
		assertThat(this.records.status(cancelled)).isEqualTo("CANCELLED");
		long pending = invite(again, null);
		awaitDelivered(acceptedInvitation);
		awaitDelivered(cancelled);
		awaitDelivered(pending);
		assertThat(emailsHolding(acceptedInvitation, name)).isPositive();

		Instant now = Instant.now();
		endedAt(acceptedInvitation, this.retention.cutoff(now).minus(Duration.ofDays(1)));
		endedAt(cancelled, this.retention.cutoff(now).minus(Duration.ofDays(1)));
		assertThat(this.retention.removeDue(now)).isEqualTo(2);

		for (String text : List.of(accepted, name, message, again)) {
			assertThat(emailsHolding(acceptedInvitation, text)).as(text).isZero();
			assertThat(emailsHolding(cancelled, text)).as(text).isZero();
		}
		// What stays holds it for another reason: the active person's own account, and
		// the
		// address invited again, with its pending invitation's emails.
		assertThat(tablesHolding(name)).containsOnly("account.full_name", "account.search_text", "account.sort_key");
		assertThat(tablesHolding(accepted)).containsOnly("account.email", "account.search_text");
		assertThat(this.jdbc.sql("select status from account where lower(email) = lower(?)")
			.param(accepted)
			.query(String.class)
			.single()).isEqualTo("ACTIVE");
		assertThat(this.records.status(pending)).isEqualTo("PENDING");
		assertThat(this.records.accountExists(again)).isTrue();
		assertThat(emailsHolding(pending, again)).isPositive();
		assertThat(removed(pending)).isFalse();
	}

	@Test
	void removesTheAddressFromTheEmailThatToldTheInviterItExpired() throws Exception {
		String email = this.clinic.email("expired");
		Instant sent = Instant.now().minus(Duration.ofDays(90)).plus(Duration.ofHours(1));
		this.management.addUsers(this.invitations.scope(this.clinic.adminEmail()),
				Actor.of(this.invitations.actor(this.clinic.adminEmail()), "Test"),
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea())), email, null, sent);
		long invitation = this.records.pendingFor(email);
		Instant closes = this.jdbc.sql("select closes_at from invitation where id = ?")
			.param(invitation)
			.query(Timestamp.class)
			.single()
			.toInstant();
		this.expiry.expireDue(closes);
		assertThat(this.records.status(invitation)).isEqualTo("EXPIRED");
		assertThat(noticesHolding(email)).isOne();
		awaitDelivered(invitation);

		Instant now = Instant.now();
		// Back to a minute before the cutoff: both the end and the notice's moment.
		Duration back = Duration.between(this.retention.cutoff(now), closes).plusMinutes(1);
		this.jdbc.sql("update invitation set ended_at = ended_at - make_interval(secs => ?) where id = ?")
			.params((double) back.toSeconds(), invitation)
			.update();
		this.jdbc
			.sql("update outbound_email set created_at = created_at - make_interval(secs => ?) where topic = ?"
					+ " and strpos(text_body, ?) > 0")
			.params((double) back.toSeconds(), InvitationMailer.EXPIRED_TOPIC, email)
			.update();
		assertThat(this.retention.removeDue(now)).isOne();
		assertThat(noticesHolding(email)).isZero();
		assertThat(tablesHolding(email)).isEmpty();
	}

	@Test
	void twoRoundsAtOnceRemoveEachInvitationOnce() throws Exception {
		List<Long> ended = new ArrayList<>();
		for (String who : List.of("first", "second", "third")) {
			long invitation = invite(this.clinic.email(who), null);
			this.invitations.removeAllRoles(invitation, this.clinic.adminEmail());
			awaitDelivered(invitation);
			ended.add(invitation);
		}
		Instant now = Instant.now();
		for (long invitation : ended) {
			endedAt(invitation, this.retention.cutoff(now).minus(Duration.ofDays(30)));
		}
		long entries = removalEntries();
		long entryCount = removedCounted();
		double counted = this.meters.get("videocall.invitations.personal.data.removed").counter().count();

		// Another instance holds the job's lock: this one skips its round.
		Optional<SimpleLock> held = this.locks.lock(
				new LockConfiguration(Instant.now(), PersonalDataRetention.LOCK, Duration.ofMinutes(1), Duration.ZERO));
		assertThat(held).isPresent();
		this.retention.run();
		assertThat(removed(ended.get(0))).isFalse();
		held.get().unlock();

		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				rounds.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.retention.removeDue(now);
				}));
			}
			int total = rounds.get(0).get(30, TimeUnit.SECONDS) + rounds.get(1).get(30, TimeUnit.SECONDS);
			assertThat(total).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		for (long invitation : ended) {
			assertThat(removed(invitation)).isTrue();
		}
		assertThat(removalEntries() - entries).isBetween(1L, 2L);
		assertThat(removedCounted() - entryCount).isEqualTo(3);
		assertThat(this.meters.get("videocall.invitations.personal.data.removed").counter().count() - counted)
			.isEqualTo(3.0);
		assertThat(this.meters.get("videocall.invitations.retention.last.timestamp").gauge().value())
			.isGreaterThanOrEqualTo(now.getEpochSecond());
	}

	/**
	 * One batch over two clinics' invitations: each clinic's administrator reads how many
	 * of their own invitations, never a count that includes the other clinic's (X3).
	 */
	@Test
	void countsForEachAreaOnlyItsOwnInvitations() throws Exception {
		TestOrganisation.Clinic other = this.organisation.clinic();
		long here = invite(this.clinic.email("counted"), null);
		this.invitations.removeAllRoles(here, this.clinic.adminEmail());
		this.management.addUsers(this.invitations.scope(other.adminEmail()), this.invitations.actor(other.adminEmail()),
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, other.waitingArea())), other.email("counted"), null,
				"Test");
		long there = this.records.pendingFor(other.email("counted"));
		this.invitations.removeAllRoles(there, other.adminEmail());
		awaitDelivered(here);
		awaitDelivered(there);
		Instant now = Instant.now();
		endedAt(here, this.retention.cutoff(now).minus(Duration.ofDays(1)));
		endedAt(there, this.retention.cutoff(now).minus(Duration.ofDays(1)));

		long before = this.jdbc.sql("select coalesce(max(id), 0) from activity_entry").query(Long.class).single();
		assertThat(this.retention.removeDue(now)).isEqualTo(2);
		assertThat(this.jdbc
			.sql("""
					select x.area_id || ':' || e.detail from activity_entry e join activity_entry_area x on x.entry_id = e.id
					where e.kind = 'PERSONAL_DATA_REMOVED' and e.id > ? order by x.area_id
					""")
			.param(before)
			.query(String.class)
			.list()).containsExactly(this.clinic.waitingArea() + ":1", other.waitingArea() + ":1");
		assertThat(this.admin.open("/activity?what=PERSONAL_DATA_REMOVED")
			.select("tr[id^=entry-] td[data-label=What]")
			.eachText()).containsOnly("Personal data removed from 1 ended invitation");
	}

	/**
	 * The outbox's trigger holds an invitation for a moment as it marks one of its emails
	 * sent (it refreshes the Pending Invitations list's keys): a round that passes then
	 * waits for it rather than leaving its data for the next day.
	 */
	@Test
	void removesTheDataOfAnInvitationAnotherTransactionHoldsAsTheRoundPasses() throws Exception {
		long invitation = invite(this.clinic.email("held"), null);
		this.invitations.removeAllRoles(invitation, this.clinic.adminEmail());
		awaitDelivered(invitation);
		Instant now = Instant.now();
		endedAt(invitation, this.retention.cutoff(now).minus(Duration.ofDays(1)));
		assertThat(HeldLocks.whileTheOutboxHolds(this.dataSource, this.jdbc, invitation,
				() -> this.retention.removeDue(now)))
			.isPositive();
		assertThat(removed(invitation)).isTrue();
	}

	@Test
	void countsWholeDaysAsCalendarDaysAcrossADaylightSavingChange() {
		// 4 Oct 2026 9:30 in Sydney is summer time (+11); 4 Oct 2025 9:30 was not (+10):
		// 365 calendar days back are an hour less than 365 days of 24 hours.
		Instant now = ZonedDateTime.of(2026, 10, 4, 9, 30, 0, 0, SYDNEY).toInstant();
		Instant cutoff = this.retention.cutoff(now);
		assertThat(cutoff).isEqualTo(ZonedDateTime.of(2025, 10, 4, 9, 30, 0, 0, SYDNEY).toInstant());
		assertThat(Duration.between(cutoff, now)).isEqualTo(Duration.ofDays(365).minusHours(1));
	}

	private long invite(String email, String message) {
		this.management.addUsers(this.invitations.scope(this.clinic.adminEmail()),
				this.invitations.actor(this.clinic.adminEmail()),
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea())), email, message, "Test");
		return this.jdbc.sql("""
				select max(i.id) from invitation i join account a on a.id = i.account_id where lower(a.email) = lower(?)
				""").param(email).query(Long.class).single();
	}

	/** Waits until no email of the invitation is queued any more. */
	private void awaitDelivered(long invitation) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			long queued = this.jdbc.sql("select count(*) from outbound_email where topic = ? and status = 'QUEUED'")
				.param("invitation:" + invitation)
				.query(Long.class)
				.single();
			if (queued == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Emails of invitation " + invitation + " still queued");
	}

	private void endedAt(long invitation, Instant at) {
		this.jdbc.sql("update invitation set ended_at = ? where id = ?")
			.params(Timestamp.from(at), invitation)
			.update();
	}

	private boolean removed(long invitation) {
		return this.jdbc.sql("select personal_data_removed_at is not null from invitation where id = ?")
			.param(invitation)
			.query(Boolean.class)
			.single();
	}

	private long removalEntries() {
		return this.jdbc.sql("select count(*) from activity_entry where kind = 'PERSONAL_DATA_REMOVED'")
			.query(Long.class)
			.single();
	}

	private long removedCounted() {
		return this.jdbc
			.sql("select coalesce(sum(detail::int), 0) from activity_entry where kind = 'PERSONAL_DATA_REMOVED'")
			.query(Long.class)
			.single();
	}

	private long emailsHolding(long invitation, String text) {
		return this.jdbc.sql("""
				select count(*) from outbound_email
				where topic = ? and strpos(lower(recipient || subject || text_body || html_body), lower(?)) > 0
				""").params("invitation:" + invitation, text).query(Long.class).single();
	}

	private long noticesHolding(String text) {
		return this.jdbc
			.sql("""
					select count(*) from outbound_email where topic = ? and strpos(lower(text_body || html_body), lower(?)) > 0
					""")
			.params(InvitationMailer.EXPIRED_TOPIC, text)
			.query(Long.class)
			.single();
	}

	/**
	 * Every text column of every table of the schema (text arrays read as text) that
	 * holds the text in some row, as "table.column".
	 */
	private List<String> tablesHolding(String text) {
		List<String[]> columns = this.jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				  and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'json', 'jsonb')
				order by c.table_name, c.column_name
				""").query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		assertThat(columns).hasSizeGreaterThan(20);
		List<String> holding = new ArrayList<>();
		for (String[] column : columns) {
			boolean holds = this.jdbc
				.sql("select exists (select 1 from \"" + column[0] + "\" where strpos(lower(\"" + column[1]
						+ "\"::text), lower(?)) > 0)")
				.param(text)
				.query(Boolean.class)
				.single();
			if (holds) {
				holding.add(column[0] + "." + column[1]);
			}
		}
		return holding;
	}

}
