package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.videocall.admin.access.AccessEnds;
import com.videocall.admin.access.AccessWarnings;
import com.videocall.admin.activity.ActivityIntegrity;
import com.videocall.admin.activity.IntegrityCheck;
import com.videocall.admin.invitation.InvitationExpiry;
import com.videocall.admin.signin.AuthenticatorAppCodes;
import com.videocall.admin.support.AppInstance;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.RawHttp.Response;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TcpBalancer;
import com.videocall.admin.support.TestDatabase;
import com.videocall.admin.web.ExpiredSessions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one database, behind a load balancer that sends
 * each connection to the next instance in turn (S1): a session started on one holds on
 * the other, sign-out on one ends it on both, the sign-in throttle counts on both alike,
 * each email is delivered once whichever instance sends it, and an instance that stops in
 * the middle of sending loses no email. The instances run on a database of their own, so
 * that only their dispatchers deliver its outbox; each reaches the mail server
 * (GreenMail) through a relay of its own, which counts what it sends; and the activity
 * trail's writers on both instances chain their entries one after the other. The figures
 * go to the test's output ("Several instances: ...").
 */
@TestInstance(Lifecycle.PER_CLASS)
class SeveralInstancesIntegrationTests {

	private static final String PASSWORD = "demo-password";

	private static final String DOMAIN = "@several.test";

	private String database;

	private TcpBalancer mailOfA;

	private TcpBalancer mailOfB;

	private AppInstance a;

	private AppInstance b;

	private TcpBalancer balancer;

	private JdbcClient jdbc;

	private MailServer mail;

	@BeforeAll
	void start() {
		this.database = TestDatabase.newDatabase();
		this.mailOfA = new TcpBalancer(MailServer.port());
		this.mailOfB = new TcpBalancer(MailServer.port());
		this.a = AppInstance.start("A", this.database, this.mailOfA.port());
		this.b = AppInstance.start("B", this.database, this.mailOfB.port());
		this.balancer = new TcpBalancer(this.a.port(), this.b.port());
		this.jdbc = this.a.jdbc();
		this.mail = new MailServer(this.jdbc);
	}

	@AfterAll
	void stop() {
		this.balancer.close();
		this.a.close();
		this.b.close();
		this.mailOfA.close();
		this.mailOfB.close();
	}

	@Test
	void completesTheUsersListProcedureWithEachRequestOnTheOtherInstance() {
		String invitee = "procedure" + DOMAIN;
		int first = this.balancer.served().size();
		RawHttp browser = new RawHttp(this.balancer.port(), "127.0.9.1").signIn(SignIn.ADMIN, PASSWORD);
		addUsers(browser, invitee);

		// The seed's procedure from the Users list (InvitationProceduresBrowserTests):
		// Users, search for the person, open them, Manage Invitation, Send Reminder.
		Document users = browser.page(link(browser.page("/"), "Users"));
		Response found = browser.submit(users.selectFirst("form[role=search]"), "q", invitee);
		assertThat(found.status()).isEqualTo(200);
		Document person = browser.page(link(Jsoup.parse(found.body()), invitee));
		Document dialog = browser.page(link(person, "Manage Invitation"));
		Response sent = browser.submit(formWithButton(dialog, "Send Reminder"));
		assertThat(sent.status()).isEqualTo(302);
		Document after = browser.page(sent.target());
		assertThat(after.select(".banner").text()).contains("Reminder sent to " + invitee);
		assertThat(this.mail.awaitEmails(invitee, 2)).as("invitation and reminder").hasSize(2);

		List<Integer> served = this.balancer.served().subList(first, this.balancer.served().size());
		for (int i = 1; i < served.size(); i++) {
			assertThat(served.get(i)).as("instance of request %d", i + 1).isNotEqualTo(served.get(i - 1));
		}
		long onA = count(served, 0);
		long onB = count(served, 1);
		assertThat(onA).isGreaterThanOrEqualTo(4);
		assertThat(onB).isGreaterThanOrEqualTo(4);
		report("Users-list procedure: %d requests, alternating: %d on A, %d on B", served.size(), onA, onB);
	}

	/**
	 * Undo (UN) keeps nothing in an instance's memory: a cancellation on one instance is
	 * undone by the next request, on the other.
	 */
	@Test
	void undoesOnOneInstanceTheCancellationMadeOnTheOther() {
		String invitee = "undone" + DOMAIN;
		RawHttp browser = new RawHttp(this.balancer.port(), "127.0.9.9").signIn(SignIn.ADMIN, PASSWORD);
		addUsers(browser, invitee);
		long invitation = this.jdbc
			.sql("select i.id from invitation i join account a on a.id = i.account_id where a.email = ?")
			.param(invitee)
			.query(Long.class)
			.single();
		Document confirmation = browser.page("/users/invitations/" + invitation + "/removal?all=true");
		Response cancelled = browser.submit(formWithButton(confirmation, "Yes"));
		assertThat(cancelled.status()).isEqualTo(302);
		Document list = browser.page(cancelled.target());
		assertThat(list.select(".banner p").text()).contains("The invitation for " + invitee + " is cancelled");
		int first = this.balancer.served().size();

		Response undone = browser.submit(formWithButton(list, "Undo"));

		assertThat(undone.status()).isEqualTo(302);
		assertThat(browser.page(undone.target()).select(".banner").text())
			.contains("Undone: the invitation for " + invitee);
		List<Integer> served = this.balancer.served().subList(first - 1, this.balancer.served().size());
		assertThat(served.get(1)).as("instance of the Undo").isNotEqualTo(served.get(0));
		assertThat(this.jdbc.sql("select status from invitation where id = ?")
			.param(invitation)
			.query(String.class)
			.single()).isEqualTo("PENDING");
	}

	@Test
	void startsANewSessionAtSignInAndSignOutOnOneInstanceEndsItOnTheOther() {
		RawHttp browser = new RawHttp(this.balancer.port(), "127.0.9.2").startSession();
		String anonymous = browser.session();
		Response signIn = browser.send("POST", "/sign-in",
				browser.form("email", SignIn.ORG_ADMIN, "password", PASSWORD));
		assertThat(signIn.target()).isEqualTo("/");
		assertThat(signIn.headers("set-cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SessionCookie.NAME + "=")
				.contains("HttpOnly")
				.contains("SameSite=Lax")
				.contains("Path=/"));
		String signedIn = browser.session();
		assertThat(signedIn).isNotEqualTo(anonymous);
		for (AppInstance instance : List.of(this.a, this.b)) {
			assertThat(homeOf(instance, anonymous).status()).as("the session of before sign-in on %s", instance.name())
				.isEqualTo(302);
			assertThat(homeOf(instance, signedIn).body()).as("home on %s", instance.name())
				.contains("Signed in as Olivia Nguyen");
		}

		int signOut = this.balancer.served().size();
		Element form = formWithButton(browser.page("/"), "Sign out");
		assertThat(browser.submit(form).target()).isEqualTo("/sign-in?signed-out");
		Response next = browser.send("GET", "/", null);
		List<Integer> served = this.balancer.served();
		assertThat(served.get(signOut + 2)).as("instance after sign-out").isNotEqualTo(served.get(signOut + 1));
		assertThat(next.target()).isEqualTo("/sign-in");
		for (AppInstance instance : List.of(this.a, this.b)) {
			assertThat(homeOf(instance, signedIn).target()).as("after sign-out, on %s", instance.name())
				.isEqualTo("/sign-in");
		}
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(SignIn.ORG_ADMIN)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void countsSignInFailuresOnBothInstancesAlike() {
		RawHttp guesser = new RawHttp(this.balancer.port(), "127.0.9.3").startSession();
		int first = this.balancer.served().size();
		for (int i = 0; i < 5; i++) {
			Response failed = guesser.send("POST", "/sign-in",
					guesser.form("email", SignIn.CLINIC_ADMIN, "password", "guess " + i));
			assertThat(failed.target()).as("failure %d", i + 1).isEqualTo("/sign-in?error");
		}
		List<Integer> failures = this.balancer.served().subList(first, first + 5);
		assertThat(failures).contains(0, 1);

		Response refused = guesser.send("POST", "/sign-in",
				guesser.form("email", SignIn.CLINIC_ADMIN, "password", PASSWORD));
		assertThat(refused.target()).as("the right password after 5 failures").isEqualTo("/sign-in?locked");
		assertThat(new RawHttp(this.balancer.port(), "127.0.9.4").trySignIn(SignIn.CLINIC_ADMIN, PASSWORD))
			.as("the owner from another address")
			.isEqualTo("/");
		report("Sign-in throttle: failures on A %d, on B %d; the sixth attempt refused", count(failures, 0),
				count(failures, 1));
	}

	/**
	 * A second factor set up with the key shown by one instance and the code typed to the
	 * other (the key waits in the shared session), then wrong codes counted by both alike
	 * (SI2, SI8).
	 */
	@Test
	void setsUpAnAppAcrossInstancesAndCountsWrongCodesOnBothAlike() {
		RawHttp browser = new RawHttp(this.balancer.port(), "127.0.9.5").signIn(SignIn.ROOM_ADMIN, PASSWORD);
		int shown = this.balancer.served().size();
		Document setUp = browser.page("/sign-in/set-up/authenticator-app");
		String key = setUp.select("code.key").text().replace(" ", "");
		Response codes = browser.submit(setUp.selectFirst("form[action$=/authenticator-app]"), "code",
				AuthenticatorAppCodes.code(key, 0));
		assertThat(Jsoup.parse(codes.body()).select("h1").text()).isEqualTo("Recovery codes");
		List<Integer> served = this.balancer.served();
		assertThat(served.get(shown + 1)).as("instance of the code").isNotEqualTo(served.get(shown));

		RawHttp guesser = passwordOnly(SignIn.ROOM_ADMIN, "127.0.9.6");
		int first = this.balancer.served().size();
		for (int i = 0; i < 5; i++) {
			Document wrong = Jsoup
				.parse(guesser.send("POST", "/sign-in/confirm", guesser.form("code", "00000" + i)).body());
			assertThat(wrong.select(".error-summary").text()).as("wrong code %d", i + 1)
				.contains("Enter the 6-digit code");
		}
		List<Integer> failures = this.balancer.served().subList(first, first + 5);
		assertThat(failures).contains(0, 1);
		Document refused = Jsoup
			.parse(guesser.send("POST", "/sign-in/confirm", guesser.form("code", AuthenticatorAppCodes.code(key, 1)))
				.body());
		assertThat(refused.select(".error-summary").text()).as("the right code after 5 wrong ones")
			.contains("Too many wrong codes");
		RawHttp owner = passwordOnly(SignIn.ROOM_ADMIN, "127.0.9.7");
		assertThat(
				owner.send("POST", "/sign-in/confirm", owner.form("code", AuthenticatorAppCodes.code(key, 1))).target())
			.as("the owner from another address")
			.isEqualTo("/");
		report("Second factor: key shown by %s, code typed to %s; wrong codes on A %d, on B %d",
				served.get(shown) == 0 ? "A" : "B", served.get(shown + 1) == 0 ? "A" : "B", count(failures, 0),
				count(failures, 1));
	}

	@Test
	void deliversEachOf200RemindersExactlyOnce() {
		RawHttp admin = new RawHttp(this.balancer.port(), "127.0.9.5").signIn(SignIn.ADMIN, PASSWORD);
		List<String> invitees = IntStream.rangeClosed(1, 200)
			.mapToObj((i) -> String.format("reminded-%03d%s", i, DOMAIN))
			.toList();
		int sentByA = this.mailOfA.served().size();
		int sentByB = this.mailOfB.served().size();
		addUsers(admin, invitees.subList(0, 100).toArray(String[]::new));
		addUsers(admin, invitees.subList(100, 200).toArray(String[]::new));
		long lastInvitation = lastEmailId();
		int first = this.balancer.served().size();

		List<Map<String, Object>> invitations = this.jdbc.sql("""
				select i.id, i.version from invitation i join account a on a.id = i.account_id
				where a.email like 'reminded-%' and i.status = 'PENDING'
				""").query().listOfRows();
		assertThat(invitations).hasSize(200);
		for (Map<String, Object> invitation : invitations) {
			Response reminder = admin.send("POST", "/users/invitations/" + invitation.get("id") + "/reminder",
					admin.form("version", String.valueOf(invitation.get("version"))));
			assertThat(reminder.status()).isEqualTo(302);
		}
		List<Integer> requests = this.balancer.served().subList(first, this.balancer.served().size());
		assertThat(requests).contains(0, 1);

		List<String> queued = messageIdsAfter(lastInvitation);
		assertThat(queued).as("reminders queued").hasSize(200);
		awaitDelivery();
		Map<String, Long> received = receivedByMessageId(invitees::contains);
		List<String> reminders = queued.stream().filter(received::containsKey).toList();
		assertThat(reminders).as("reminders received").hasSize(200);
		assertThat(queued.stream().map(received::get)).as("copies of each reminder").containsOnly(1L);
		assertThat(received.values()).as("copies of each email").containsOnly(1L);
		assertThat(received).as("emails received (invitations and reminders)").hasSize(400);
		report("200 reminders: requests %d on A, %d on B; emails (invitations and reminders) attempted by A %d, by B %d; "
				+ "received %d, distinct Message-IDs %d, duplicates %d", count(requests, 0), count(requests, 1),
				this.mailOfA.served().size() - sentByA, this.mailOfB.served().size() - sentByB,
				received.values().stream().mapToLong(Long::longValue).sum(), received.size(),
				received.values().stream().mapToLong((copies) -> copies - 1).sum());
	}

	/**
	 * The activity trail's writers on both instances at once (AC5): an administrator on
	 * each instance invites 10 people in one Add Users (10 entries in one transaction)
	 * and then reminds them one by one, both at the same time. Each entry is chained
	 * after the one before, whichever instance wrote it: the integrity check finds the
	 * whole trail following, no fork and no entry lost.
	 */
	@Test
	void chainsTheEntriesBothInstancesWriteAtOnce() throws Exception {
		List<AppInstance> instances = List.of(this.a, this.b);
		CyclicBarrier start = new CyclicBarrier(instances.size());
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		try {
			List<Future<List<Integer>>> reminders = new ArrayList<>();
			for (AppInstance instance : instances) {
				RawHttp admin = new RawHttp(instance.port(), "127.0.9.2" + reminders.size()).signIn(SignIn.ADMIN,
						PASSWORD);
				String prefix = "chained-" + instance.name() + "-";
				reminders.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					addUsers(admin,
							IntStream.rangeClosed(1, 10).mapToObj((i) -> prefix + i + DOMAIN).toArray(String[]::new));
					return this.jdbc.sql("""
							select i.id, i.version from invitation i join account a on a.id = i.account_id
							where a.email like ? and i.status = 'PENDING'
							""")
						.param(prefix + "%")
						.query((rs, row) -> admin
							.send("POST", "/users/invitations/" + rs.getLong(1) + "/reminder",
									admin.form("version", String.valueOf(rs.getLong(2))))
							.status())
						.list();
				}));
			}
			for (Future<List<Integer>> reminded : reminders) {
				assertThat(reminded.get(60, TimeUnit.SECONDS)).hasSize(10).containsOnly(302);
			}
		}
		finally {
			threads.shutdownNow();
		}

		List<String> writers = this.jdbc.sql("""
				select a.email from activity_entry e join invitation i on i.id = e.invitation_id
				join account a on a.id = i.account_id where a.email like 'chained-%' order by e.id
				""").query((rs, row) -> rs.getString(1).substring(8, 9)).list();
		assertThat(writers).as("entries of these invitations, by instance").hasSize(40).contains("A", "B");
		long turns = IntStream.range(1, writers.size())
			.filter((i) -> !writers.get(i).equals(writers.get(i - 1)))
			.count();
		IntegrityCheck check = this.b.bean(ActivityIntegrity.class).check();
		assertThat(check.broken()).as("chain broken: %s at %s", check.problem(), check.brokenAtEntry()).isFalse();
		assertThat(check.entriesChecked())
			.isEqualTo(this.jdbc.sql("select count(*) from activity_entry").query(Long.class).single());
		report("Activity trail: A and B each invite 10 and remind them at once, %d turns between the instances' "
				+ "entries; the check found all %d entries whole", turns, check.entriesChecked());
	}

	/**
	 * Invitations close by themselves (LC2): both instances run the expiry job at the
	 * same moment (as two rounds would if the lock ran out), and each due invitation
	 * expires once, with one trail entry, and is named once to the administrator who
	 * invited it.
	 */
	@Test
	void expiresEachDueInvitationOnceWhenBothInstancesRunTheJobAtOnce() throws Exception {
		RawHttp admin = new RawHttp(this.balancer.port(), "127.0.9.6").signIn(SignIn.ADMIN, PASSWORD);
		addUsers(admin, IntStream.rangeClosed(1, 60).mapToObj((i) -> "closing-" + i + DOMAIN).toArray(String[]::new));
		List<Long> due = this.jdbc.sql("""
				update invitation i set closes_at = now() - interval '1 minute' from account a
				where a.id = i.account_id and a.email like 'closing-%' and i.status = 'PENDING' returning i.id
				""").query(Long.class).list();
		assertThat(due).hasSize(60);

		List<AppInstance> instances = List.of(this.a, this.b);
		CyclicBarrier start = new CyclicBarrier(instances.size());
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		List<Integer> expired = new ArrayList<>();
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (AppInstance instance : instances) {
				rounds.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return instance.bean(InvitationExpiry.class).expireDue(Instant.now());
				}));
			}
			for (Future<Integer> round : rounds) {
				expired.add(round.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			threads.shutdownNow();
		}

		Long[] ids = due.toArray(Long[]::new);
		assertThat(this.jdbc.sql("select count(*) from invitation where id = any(?) and status = 'EXPIRED'")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(60);
		assertThat(
				this.jdbc.sql("select count(*) from activity_entry where invitation_id = any(?) and kind = 'EXPIRED'")
					.param(ids)
					.query(Long.class)
					.single())
			.isEqualTo(60);
		List<String> named = this.jdbc.sql(
				"select text_body from outbound_email where lower(recipient) = lower(?) and text_body like '%closing-%'")
			.param(SignIn.ADMIN)
			.query(String.class)
			.list()
			.stream()
			.flatMap(String::lines)
			.filter((line) -> line.startsWith("  - closing-"))
			.toList();
		assertThat(named).hasSize(60).doesNotHaveDuplicates();
		report("Expiry: A and B run the job at once over 60 due invitations: expired by A and B %s", expired);
	}

	/**
	 * Access that ends (LC1): both instances run the warning and the removal rounds at
	 * the same moment, as if ShedLock had let both through; each role is warned of once
	 * and ended once. The people are of a domain of their own: their warnings are queued
	 * for a later moment and never delivered here.
	 */
	@Test
	void warnsOfAndEndsEachRoleOnceWhenBothInstancesRunTheJobsAtOnce() throws Exception {
		long unit = area("ORGANISATIONAL_UNIT", "Ending unit", null);
		long waitingArea = area("WAITING_AREA", "Ending waiting area", unit);
		grant(account("ending-admin@ending.test"), "ORGANISATION_ADMINISTRATOR", "ORGANISATIONAL_UNIT", unit);
		for (int i = 0; i < 40; i++) {
			long person = account("ending-" + i + "@ending.test");
			grant(person, "SERVICE_PROVIDER", "WAITING_AREA", waitingArea);
		}
		this.jdbc.sql("update role_grant set access_until = date '2027-09-01' where area_id = ?")
			.param(waitingArea)
			.update();
		List<AppInstance> instances = List.of(this.a, this.b);
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		try {
			for (boolean warn : List.of(true, false)) {
				CyclicBarrier start = new CyclicBarrier(instances.size());
				List<Future<Object>> rounds = new ArrayList<>();
				for (AppInstance instance : instances) {
					rounds.add(threads.submit(() -> {
						start.await(30, TimeUnit.SECONDS);
						return warn ? instance.bean(AccessWarnings.class).warnDue(Instant.parse("2027-08-28T00:00:00Z"))
								: instance.bean(AccessEnds.class).endDue(Instant.parse("2027-09-01T14:00:00Z"));
					}));
				}
				for (Future<Object> round : rounds) {
					round.get(60, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.jdbc.sql("select count(*) from outbound_email where recipient like '%@ending.test'")
			.query(Long.class)
			.single()).as("a warning to each person and one to the administrator per person").isEqualTo(80);
		assertThat(this.jdbc.sql("""
				select count(*) from (select 1 from outbound_email where recipient like '%@ending.test'
				                      group by topic, recipient having count(*) > 1) twice
				""").query(Long.class).single()).as("warnings sent twice").isZero();
		assertThat(this.jdbc.sql("select count(*) from role_grant where area_id = ?")
			.param(waitingArea)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.kind = 'ACCESS_ENDED' and x.area_id = ?
				""").param(waitingArea).query(Long.class).single()).as("Access ended, once per role").isEqualTo(40);
	}

	private long area(String kind, String name, Long parent) {
		return this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind, name, parent)
			.query(Long.class)
			.single();
	}

	private long account(String email) {
		return this.jdbc.sql("""
				insert into account (email, full_name, status, created_at) values (?, ?, 'ACTIVE', now()) returning id
				""").params(email, email.substring(0, email.indexOf('@'))).query(Long.class).single();
	}

	private void grant(long account, String role, String kind, long area) {
		this.jdbc.sql("""
				insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, now())
				""").params(account, role, area, kind).update();
	}

	@Test
	void deletesExpiredSessionsOnOneInstanceAtATime() {
		String expired = session(Instant.now().minus(Duration.ofMinutes(1)));
		String live = session(Instant.now().plus(Duration.ofMinutes(30)));
		LockProvider locks = this.a.bean(LockProvider.class);
		SimpleLock heldByA = await().atMost(Duration.ofSeconds(10))
			.until(() -> locks
				.lock(new LockConfiguration(Instant.now(), ExpiredSessions.LOCK, Duration.ofMinutes(1), Duration.ZERO)),
					(lock) -> lock.isPresent())
			.orElseThrow();
		try {
			this.b.bean(ExpiredSessions.class).delete();
			assertThat(sessionExists(expired)).as("expired session while A holds the job's lock").isTrue();
		}
		finally {
			heldByA.unlock();
		}
		this.b.bean(ExpiredSessions.class).delete();
		assertThat(sessionExists(expired)).as("expired session once B has run the job").isFalse();
		assertThat(sessionExists(live)).as("live session").isTrue();
		// Spring Session's own clean-up, which would run on every instance, is off: it
		// would have started a scheduler of its own.
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.noneMatch((name) -> name.startsWith("spring-session-"));
	}

	@Test
	void losesNoEmailWhenAnInstanceIsStoppedWhileSending() {
		stopWhileSending("stopped", "stopped mid-email", AppInstance::close);
	}

	/**
	 * The worst moment to die: the mail server has the email, the outbox does not know
	 * yet. The instance's database connections are cut (as its process ending would cut
	 * them) while it sends, and then it stops.
	 */
	@Test
	void losesNoEmailAndSendsAtMostOneTwiceWhenAnInstanceDiesWhileSending() {
		stopWhileSending("died", "connections cut mid-email", (instance) -> {
			assertThat(this.jdbc.sql("""
					select count(pg_terminate_backend(pid)) from pg_stat_activity
					where datname = current_database() and application_name = ?
					""").param(instance.applicationName()).query(Long.class).single()).isPositive();
			instance.close();
		});
	}

	/**
	 * A third instance, C, joins A and B; 30 emails are queued and all three send them,
	 * slowly, so that C is in the middle of one when it is stopped. Every email arrives,
	 * each with its one Message-ID; only the one C was sending may arrive twice.
	 */
	private void stopWhileSending(String tag, String how, Consumer<AppInstance> stop) {
		TcpBalancer mailOfC = new TcpBalancer(MailServer.port());
		List<TcpBalancer> relays = List.of(mailOfC, this.mailOfA, this.mailOfB);
		relays.forEach((relay) -> relay.slowDown(Duration.ofMillis(100)));
		try (AppInstance c = AppInstance.start("C", this.database, mailOfC.port())) {
			RawHttp admin = new RawHttp(this.balancer.port(), "127.0.9.6").signIn(SignIn.ADMIN, PASSWORD);
			List<String> invitees = IntStream.rangeClosed(1, 30)
				.mapToObj((i) -> String.format("%s-%02d%s", tag, i, DOMAIN))
				.toList();
			int sentByA = this.mailOfA.served().size();
			int sentByB = this.mailOfB.served().size();
			long before = lastEmailId();
			addUsers(admin, invitees.toArray(String[]::new));

			await().atMost(Duration.ofSeconds(20)).until(() -> mailOfC.open() > 0);
			stop.accept(c);
			relays.forEach((relay) -> relay.slowDown(Duration.ZERO));

			awaitDelivery();
			List<String> queued = messageIdsAfter(before);
			List<MimeMessage> messages = this.mail.receivedWhere(invitees::contains);
			Map<String, Long> received = byMessageId(messages);
			assertThat(queued).hasSize(30);
			assertThat(received.keySet()).as("Message-IDs received: none lost, none new")
				.containsExactlyInAnyOrderElementsOf(queued);
			assertThat(messages.stream()
				.collect(Collectors.groupingBy(SeveralInstancesIntegrationTests::recipient,
						Collectors.mapping(SeveralInstancesIntegrationTests::messageId, Collectors.toSet())))
				.values()).as("Message-IDs of each invitee's copies").allSatisfy((ids) -> assertThat(ids).hasSize(1));
			long duplicates = messages.size() - received.size();
			assertThat(duplicates).as("copies sent twice: at most the one C was sending").isLessThanOrEqualTo(1);
			report("Instance C %s: 30 emails; attempts by A %d, B %d, C %d; received %d, "
					+ "distinct Message-IDs %d, duplicates %d", how, this.mailOfA.served().size() - sentByA,
					this.mailOfB.served().size() - sentByB, mailOfC.served().size(), messages.size(), received.size(),
					duplicates);
		}
		finally {
			relays.forEach((relay) -> relay.slowDown(Duration.ZERO));
			mailOfC.close();
		}
	}

	private void addUsers(RawHttp admin, String... invitees) {
		long area = this.jdbc.sql("select id from area where name = 'Northern Physiotherapy'")
			.query(Long.class)
			.single();
		Response added = admin.send("POST", "/waiting-areas/" + area + "/add-users", admin.form("recipients",
				String.join("\n", invitees), "roles", "SERVICE_PROVIDER", "customMessage", ""));
		assertThat(added.status()).as("Add Users").isEqualTo(302);
	}

	private Response homeOf(AppInstance instance, String sessionCookie) {
		return new RawHttp(instance.port(), "127.0.9.9").header("Cookie", sessionCookie).send("GET", "/", null);
	}

	private long lastEmailId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from outbound_email").query(Long.class).single();
	}

	/** The Message-IDs of this test class's emails queued after the given one. */
	private List<String> messageIdsAfter(long id) {
		return this.jdbc.sql("select message_id from outbound_email where id > ? and recipient like ?")
			.params(id, "%" + DOMAIN)
			.query(String.class)
			.list();
	}

	/** Waits until every email of this test class has left the outbox. */
	private void awaitDelivery() {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc
				.sql("select count(*) from outbound_email where recipient like ? and status <> 'SENT'")
				.param("%" + DOMAIN)
				.query(Long.class)
				.single() == 0);
	}

	/** Copies the mail server received of each email, by Message-ID. */
	private Map<String, Long> receivedByMessageId(Predicate<String> recipients) {
		return byMessageId(this.mail.receivedWhere(recipients));
	}

	private static Map<String, Long> byMessageId(List<MimeMessage> messages) {
		return messages.stream()
			.collect(Collectors.groupingBy(SeveralInstancesIntegrationTests::messageId, Collectors.counting()));
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A session row as Spring Session writes it, expiring at the given moment. */
	private String session(Instant expiry) {
		String id = UUID.randomUUID().toString();
		long now = Instant.now().toEpochMilli();
		this.jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				                            max_inactive_interval, expiry_time)
				values (?, ?, ?, ?, 1800, ?)
				""").params(UUID.randomUUID().toString(), id, now, now, expiry.toEpochMilli()).update();
		return id;
	}

	private boolean sessionExists(String id) {
		return this.jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	/** Signed in with the password, on "Confirm it's you". */
	private RawHttp passwordOnly(String email, String address) {
		RawHttp browser = new RawHttp(this.balancer.port(), address);
		assertThat(browser.trySignIn(email, PASSWORD)).isEqualTo("/");
		assertThat(browser.page("/sign-in/confirm").select("h1").text()).isEqualTo("Confirm it's you");
		return browser;
	}

	private static String link(Document page, String text) {
		return page.select("a")
			.stream()
			.filter((link) -> link.text().equals(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No link " + text))
			.attr("href");
	}

	private static Element formWithButton(Document page, String button) {
		return page.select("form")
			.stream()
			.filter((form) -> form.select("button").stream().anyMatch((each) -> each.text().equals(button)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form with the button " + button));
	}

	private static long count(List<Integer> served, int instance) {
		return served.stream().filter((each) -> each == instance).count();
	}

	private static void report(String format, Object... values) {
		System.out.println("Several instances: " + String.format(format, values));
	}

}
