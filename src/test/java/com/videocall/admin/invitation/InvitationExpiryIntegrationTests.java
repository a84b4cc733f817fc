package com.videocall.admin.invitation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import com.videocall.admin.support.InvitationRecords.StoredEmail;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation.PendingInvitation;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invitations close by themselves (LC2), with the expiry job run at the moments the test
 * chooses (tests schedule no round of their own). Invitations are sent "in the past"
 * through Add Users' own use case so that they close about now: the job is never asked
 * about a moment far ahead, which would end other tests' invitations too.
 */
@IntegrationTest
class InvitationExpiryIntegrationTests extends AdministratorPagesTest {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private static final String EXPIRED_EMAIL = "were not accepted in time";

	@Autowired
	InvitationExpiry expiry;

	@Autowired
	InvitationManagement management;

	@Autowired
	Invitees invitees;

	@Autowired
	LinkPages links;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockProvider locks;

	@Autowired
	DataSource dataSource;

	@Test
	void expiresAtTheCloseMomentNotASecondBeforeAndTellsEachActiveInviterOnceOfTheirAreasOnly() throws Exception {
		String roomAdmin = this.clinic.email("room.admin");
		this.organisation.grant(this.organisation.person("Room " + this.clinic.tag(), roomAdmin),
				Role.MEETING_ROOM_ADMINISTRATOR, this.clinic.meetingRoom());
		String leaver = this.clinic.email("leaver");
		long leaverId = this.organisation.person("Leaver " + this.clinic.tag(), leaver);
		this.organisation.grant(leaverId, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		String invitee = this.clinic.email("closing");
		Instant sent = closingIn(Duration.ofHours(1));
		send(this.clinic.adminEmail(), invitee, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()), sent);
		send(roomAdmin, invitee, new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()), sent);
		send(leaver, invitee, new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()), sent);
		long invitation = this.records.pendingFor(invitee);
		this.jdbc.sql("update account set status = 'DISABLED' where id = ?").param(leaverId).update();
		Instant closes = closesAt(invitation);
		assertThat(closes).isEqualTo(sent.atZone(SYDNEY).plusDays(90).toInstant());

		this.expiry.expireDue(closes.minusSeconds(1));
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
		this.expiry.expireDue(closes);
		assertThat(this.records.status(invitation)).isEqualTo("EXPIRED");
		this.expiry.expireDue(closes.plusSeconds(60));

		assertThat(this.records.events(invitation, "EXPIRED")).isOne();
		assertThat(this.jdbc.sql("""
				select e.actor_id is null and e.person_id = i.account_id from activity_entry e
				join invitation i on i.id = e.invitation_id where e.invitation_id = ? and e.kind = 'EXPIRED'
				""").param(invitation).query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("""
				select x.area_id from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.invitation_id = ? and e.kind = 'EXPIRED' order by x.area_id
				""").param(invitation).query(Long.class).list()).containsExactly(this.clinic.waitingArea(),
				this.clinic.meetingRoom());

		List<StoredEmail> toAdmin = expiryEmailsTo(this.clinic.adminEmail());
		assertThat(toAdmin).hasSize(1);
		assertThat(toAdmin.get(0).textBody()).contains(invitee + ", invited to " + this.clinic.waitingAreaName())
			.contains("closed on " + closes.atZone(SYDNEY).format(DateTimeFormatter.ofPattern("d MMM yyyy")))
			.doesNotContain(this.clinic.meetingRoomName());
		List<StoredEmail> toRoomAdmin = expiryEmailsTo(roomAdmin);
		assertThat(toRoomAdmin).hasSize(1);
		assertThat(toRoomAdmin.get(0).textBody()).contains(invitee + ", invited to " + this.clinic.meetingRoomName())
			.doesNotContain(this.clinic.waitingAreaName());
		assertThat(expiryEmailsTo(leaver)).isEmpty();

		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.select(".facts dd").eachText()).contains("Expired");
		assertThat(dialog.select(".history .what").eachText()).contains("Invitation expired");
		assertThat(dialog.getElementById("closes")).isNull();
		// Gone from the lists of pending people.
		assertThat(this.admin.open("/pending-invitations?q=" + this.clinic.tag()).text()).doesNotContain(invitee);
	}

	/**
	 * Another transaction may hold a due invitation for a moment when the round reaches
	 * it: here the outbox recording one of its emails delivered, whose trigger refreshes
	 * the invitation's Pending Invitations keys with the invitation locked. The round
	 * waits for it rather than leaving the invitation pending until the next round.
	 */
	@Test
	void expiresAnInvitationThatAnotherTransactionHoldsAMomentWhenTheRoundReachesIt() throws Exception {
		String invitee = this.clinic.email("held");
		send(this.clinic.adminEmail(), invitee, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				closingIn(Duration.ofMinutes(-1)));
		long invitation = this.records.pendingFor(invitee);
		Instant closes = closesAt(invitation);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try (Connection outbox = this.dataSource.getConnection()) {
			outbox.setAutoCommit(false);
			try (PreparedStatement delivered = outbox
				.prepareStatement("update outbound_email set status = status where topic = invitation_topic(?)")) {
				delivered.setLong(1, invitation);
				assertThat(delivered.executeUpdate()).isPositive();
			}
			Future<Integer> round = threads.submit(() -> this.expiry.expireDue(closes));
			HeldLocks.awaitBlockedBy(this.jdbc, HeldLocks.backendOf(outbox), round);
			assertThat(round).as("the round waits for the outbox's transaction").isNotDone();
			outbox.commit();
			round.get(30, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.records.status(invitation)).isEqualTo("EXPIRED");
		assertThat(this.records.events(invitation, "EXPIRED")).isOne();
		assertThat(namedIn(expiryEmailsTo(this.clinic.adminEmail()))).containsExactly(invitee);
	}

	@Test
	void everyLinkOfAnExpiredInvitationSaysSoAndSendsNoNewLink() throws Exception {
		String email = this.clinic.email("link");
		send(this.clinic.adminEmail(), email, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				closingIn(Duration.ofMinutes(30)));
		Invitee invitee = new Invitee(this.clinic, email, this.records.pendingFor(email));
		String first = this.invitees.token(invitee);
		Instant closing = closesAt(invitee.invitation());
		this.invitees.remind(invitee);
		String newest = this.invitees.token(invitee);
		assertThat(this.links.openWithoutChanging(invitee, newest).select("h1").text())
			.isEqualTo("Set up your account");

		this.expiry.expireDue(closing);
		// The administrator's reminder a moment ago kept it open.
		assertThat(this.invitees.status(invitee)).isEqualTo("PENDING");
		this.jdbc.sql("update invitation set closes_at = now() - interval '1 second' where id = ?")
			.param(invitee.invitation())
			.update();
		this.expiry.expireDue(Instant.now());
		assertThat(this.invitees.status(invitee)).isEqualTo("EXPIRED");

		for (String token : List.of(first, newest)) {
			Document page = this.links.openWithoutChanging(invitee, token);
			assertThat(page.select("h1").text()).isEqualTo("Invitation expired");
			assertThat(page.text()).contains("This invitation has expired.");
			assertThat(page.text()).doesNotContain("Send me a new link");
			assertThat(page.select("input[type=password]")).isEmpty();
		}
		long emails = this.records.emailsTo(email);
		this.mvc.perform(LinkPages.newLink(newest)).andExpect(status().is3xxRedirection());
		this.links.submit(newest, "Too Late").andExpect(status().isOk());
		assertThat(this.records.emailsTo(email)).isEqualTo(emails);
		assertThat(this.invitees.accountStatus(invitee)).isEqualTo("INVITED");
	}

	@Test
	void anAdministratorsReminderKeepsItOpenLongerAndTheListFollowsAnAutomaticOneDoesNot() {
		String email = this.clinic.email("reminded");
		// Ten days ago: its link still works, so an automatic reminder may go.
		Instant sent = Instant.now().minus(Duration.ofDays(10));
		send(this.clinic.adminEmail(), email, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()), sent);
		long invitation = this.records.pendingFor(email);
		Instant closes = closesAt(invitation);

		assertThat(this.management.remindAutomatically(invitation, 1, Instant.now())).isTrue();
		assertThat(closesAt(invitation)).isEqualTo(closes);
		assertThat(listedClosesAt(invitation)).isEqualTo(closes);

		this.invitations.moveLastReminderBack(invitation, Duration.ofHours(1));
		Instant before = Instant.now();
		this.management.remind(this.invitations.scope(this.clinic.adminEmail()),
				this.invitations.actor(this.clinic.adminEmail()), invitation, this.records.version(invitation), "Test",
				null);
		Instant reminded = closesAt(invitation);
		assertThat(reminded).isAfterOrEqualTo(before.atZone(SYDNEY).plusDays(90).toInstant().minusMillis(1));
		assertThat(listedClosesAt(invitation)).isEqualTo(reminded);
	}

	@Test
	void addUsersForAnInvitationPastItsCloseEndsItAndSendsANewOne() {
		String email = this.clinic.email("again");
		send(this.clinic.adminEmail(), email, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				closingIn(Duration.ofMinutes(-1)));
		long closed = this.records.pendingFor(email);

		this.invitations.pendingFor(email, this.clinic.adminEmail(), this.clinic.meetingRoom(),
				Role.MEETING_ROOM_MEMBER);

		assertThat(this.records.status(closed)).isEqualTo("EXPIRED");
		assertThat(this.records.events(closed, "EXPIRED")).isOne();
		long fresh = this.records.pendingFor(email);
		assertThat(fresh).isNotEqualTo(closed);
		assertThat(this.records.roles(fresh))
			.containsExactly(new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertThat(expiryEmailsTo(this.clinic.adminEmail())).hasSize(1);
	}

	@Test
	void theDialogSaysWhenItClosesInTheConfiguredZoneAcrossADaylightSavingChange() throws Exception {
		// Sent 45 days before the next change of Sydney's clocks, at 9:30 am: it closes
		// 90 calendar days later at 9:30 am on the other side of the change.
		Instant change = SYDNEY.getRules().nextTransition(Instant.now().plus(Duration.ofDays(46))).getInstant();
		ZonedDateTime sent = ZonedDateTime.of(change.atZone(SYDNEY).minusDays(45).toLocalDate(), LocalTime.of(9, 30),
				SYDNEY);
		String email = this.clinic.email("daylight");
		send(this.clinic.adminEmail(), email, new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				sent.toInstant());
		long invitation = this.records.pendingFor(email);

		ZonedDateTime closes = closesAt(invitation).atZone(SYDNEY);
		assertThat(closes.toLocalDate()).isEqualTo(sent.toLocalDate().plusDays(90));
		assertThat(closes.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
		assertThat(closes.getOffset()).isNotEqualTo(sent.getOffset());
		String zone = SYDNEY.getRules().isDaylightSavings(closes.toInstant()) ? "AEDT" : "AEST";
		assertThat(this.admin.open("/users/invitations/" + invitation).getElementById("closes").text())
			.isEqualTo("Closes on " + closes.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))
					+ ", 9:30 am " + zone + " unless accepted");
	}

	@Test
	void runsOnOneInstanceAtATimeAndTwoRoundsAtOnceExpireEachOfSeveralHundredOnce() throws Exception {
		int count = 300;
		long second = this.organisation.person("Second " + this.clinic.tag(), this.clinic.email("second"));
		this.organisation.grant(second, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		List<Long> due = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			PendingInvitation planted = this.organisation.invite(
					this.organisation.invitee(this.clinic.email("many." + i)),
					(i % 3 == 0) ? second : this.clinic.admin(), Instant.now().minus(Duration.ofDays(100)));
			due.add(planted.offering(Role.SERVICE_PROVIDER, this.clinic.waitingArea()).id());
		}
		this.jdbc.sql("update invitation set closes_at = now() - interval '1 minute' where id = any(?)")
			.param(due.toArray(Long[]::new))
			.update();

		// Another instance holds the job's lock: this one skips its round.
		Optional<SimpleLock> held = this.locks
			.lock(new LockConfiguration(Instant.now(), InvitationExpiry.LOCK, Duration.ofMinutes(1), Duration.ZERO));
		assertThat(held).isPresent();
		this.expiry.run();
		assertThat(this.records.status(due.get(0))).isEqualTo("PENDING");
		held.get().unlock();

		long start = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Integer> expired = new ArrayList<>();
		try {
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				rounds.add(threads.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					return this.expiry.expireDue(Instant.now());
				}));
			}
			for (Future<Integer> round : rounds) {
				expired.add(round.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			threads.shutdownNow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Two concurrent expiry rounds over " + count + " due invitations: " + took.toMillis()
				+ " ms, expired " + expired);

		assertThat(this.jdbc.sql("select count(*) from invitation where id = any(?) and status = 'EXPIRED'")
			.param(due.toArray(Long[]::new))
			.query(Long.class)
			.single()).isEqualTo(count);
		assertThat(this.jdbc.sql("""
				select count(*) from activity_entry where invitation_id = any(?) and kind = 'EXPIRED'
				""").param(due.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(count);
		// Each invitee is named once, to the administrator who invited them, in one email
		// per
		// batch at most.
		List<String> toAdmin = namedIn(expiryEmailsTo(this.clinic.adminEmail()));
		List<String> toSecond = namedIn(expiryEmailsTo(this.clinic.email("second")));
		assertThat(toAdmin).hasSize(count - count / 3).doesNotHaveDuplicates();
		assertThat(toSecond).hasSize(count / 3).doesNotHaveDuplicates();
		assertThat(toAdmin).doesNotContainAnyElementsOf(toSecond);
		assertThat(expiryEmailsTo(this.clinic.adminEmail()))
			.hasSizeLessThanOrEqualTo(count / InvitationExpiry.BATCH + 2);
		assertThat(took).isLessThan(Duration.ofSeconds(60));
	}

	/** Add Users as {@code admin} at the moment {@code at}. */
	private void send(String admin, String invitee, RoleOffer offer, Instant at) {
		this.management.addUsers(this.invitations.scope(admin), Actor.of(this.invitations.actor(admin), "Test"),
				List.of(offer), invitee, "", at);
	}

	/** When an invitation sent then closes: {@code in} from now. */
	private static Instant closingIn(Duration in) {
		return Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS).atZone(SYDNEY).minusDays(90).toInstant();
	}

	private Instant closesAt(long invitation) {
		return this.jdbc.sql("select closes_at from invitation where id = ?")
			.param(invitation)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/** The close moment the Pending Invitations list stores for the invitation. */
	private Instant listedClosesAt(long invitation) {
		return this.jdbc.sql("select closes_at from pending_invitation where invitation_id = ?")
			.param(invitation)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private List<StoredEmail> expiryEmailsTo(String administrator) {
		return this.records.storedEmailsTo(administrator)
			.stream()
			.filter((email) -> email.textBody().contains(EXPIRED_EMAIL))
			.toList();
	}

	/** The invitees the emails list, one per line. */
	private static List<String> namedIn(List<StoredEmail> emails) {
		return emails.stream()
			.flatMap((email) -> email.textBody().lines())
			.filter((line) -> line.startsWith("  - "))
			.map((line) -> line.substring(4, line.indexOf(',')))
			.toList();
	}

}
