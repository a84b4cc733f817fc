package com.videocall.admin.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

import com.videocall.admin.access.AccessEnds;
import com.videocall.admin.access.AccessProperties;
import com.videocall.admin.access.AccessWarnings;
import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.invitation.InvitationExpiry;
import com.videocall.admin.invitation.InvitedAccess;
import com.videocall.admin.invitation.PersonalDataRetention;
import com.videocall.admin.invitation.RetentionProperties;
import com.videocall.admin.reminders.AutomaticReminders;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.web.AppProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs of invitations and access that end (LC1-LC3) at the size of requirements §5:
 * the synthetic organisation (100,000 accounts, 20,000 pending invitations) with
 * bulk/synthetic-endings.sql on top (a tenth of the roles time-limited, 2,000 granted and
 * 500 invited roles whose last day was yesterday, 5,000 invitations due to expire at
 * once, 5,000 invitations ended 400 days ago). For each job: the EXPLAIN (ANALYZE,
 * BUFFERS) of its statement that reads the due rows, one run as its schedule runs it (at
 * the present moment), what it did and how long it took, the heap before and after, and
 * checks that exactly the due rows changed and that a second run right after does
 * nothing. Not part of the build:
 * {@code ./mvnw test -Dtest=EndingsBenchmark -Dbenchmark.groups=none}.
 */
@Tag("benchmark")
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class EndingsBenchmark {

	/** The scheduled jobs that could touch the planted rows while they are measured. */
	private static final List<String> HELD_LOCKS = List.of(AccessEnds.LOCK, AccessWarnings.LOCK,
			AutomaticReminders.LOCK);

	@Autowired
	AccessEnds accessEnds;

	@Autowired
	AccessWarnings accessWarnings;

	@Autowired
	InvitationExpiry expiry;

	@Autowired
	PersonalDataRetention retention;

	@Autowired
	AppProperties app;

	@Autowired
	AccessProperties access;

	@Autowired
	RetentionProperties retentionProperties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void runsEachJobOnceOverTheDueRowsAlone() {
		ZoneId zone = this.app.timeZone();
		// The scheduled rounds of this application skip while the benchmark holds their
		// locks: only the benchmark runs the jobs (the others' schedules are off in
		// tests).
		for (String lock : HELD_LOCKS) {
			this.jdbc.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values (?, now() + interval '1 day', now(), 'EndingsBenchmark')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
					""").param(lock).update();
		}
		try {
			plant(zone);
			System.out.println("\n=== Endings benchmark (requirements §5 size; one run of each job) ===");
			expireInvitations();
			endAccess(zone);
			warnOfAccessEnding(zone);
			removePersonalData(zone);
		}
		finally {
			this.jdbc.sql("delete from shedlock where locked_by = 'EndingsBenchmark'").update();
		}
	}

	private void plant(ZoneId zone) {
		long start = System.nanoTime();
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-organisation.sql"))
			.execute(this.dataSource);
		long organisation = System.nanoTime();
		// The endings' days are those of app.time-zone: the script reads it from a
		// setting
		// of its connection.
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("select set_config('synthetic.time_zone', '" + zone.getId() + "', false)");
			}
			new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-endings.sql")).populate(connection);
			try (Statement statement = connection.createStatement()) {
				statement.execute("select set_config('synthetic.time_zone', '', false)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		System.out.printf(Locale.ROOT, "%nPlanted: organisation in %.1f s, endings in %.1f s%n",
				(organisation - start) / 1e9, (System.nanoTime() - organisation) / 1e9);
		// The derived data the triggers keep are right after the script. The demo
		// organisation, planted as the application started, has its own due rows: the
		// counts below are of the synthetic organisation's.
		assertThat(count("""
				select count(*) from ((select * from pending_invitation except select * from pending_invitation_keys)
				                      union all
				                      (select * from pending_invitation_keys except select * from pending_invitation)) d
				""")).isZero();
		assertThat(count("""
				select count(*) from account a
				where a.listed is distinct from (exists (select 1 from role_grant g where g.account_id = a.id)
				      or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
				                 where i.account_id = a.id and i.status = 'PENDING'))
				""")).isZero();
		LocalDate today = LocalDate.now(zone);
		String bulkGrants = """
				select count(*) from role_grant g join account a on a.id = g.account_id
				where a.email like '%@bulk.invalid'""";
		assertThat(count(bulkGrants + " and g.access_until is not null")).isEqualTo(count(bulkGrants) / 10);
		assertThat(count(bulkGrants + " and g.access_until = ?", today.minusDays(1))).isEqualTo(2_000);
		assertThat(count("""
				select count(*) from invited_role r join invitation i on i.id = r.invitation_id
				join account a on a.id = i.account_id
				where i.status = 'PENDING' and r.access_until = ? and a.email like '%@bulk.invalid'
				""", today.minusDays(1))).isEqualTo(500);
		String bulkInvitations = """
				select count(*) from invitation i join account a on a.id = i.account_id
				where a.email like '%@bulk.invalid' and """;
		assertThat(count(bulkInvitations + " i.status = 'PENDING' and i.closes_at <= now()")).isEqualTo(5_000);
		assertThat(count(bulkInvitations + " i.ended_at < now() - interval '399 days'")).isEqualTo(5_000);
	}

	/** InvitationExpiry.expireDue, every app.invitations.expiry-interval. */
	private void expireInvitations() {
		Instant now = Instant.now();
		explain("InvitationExpiry: a batch of the due invitations", InvitationExpiry.DUE, Timestamp.from(now),
				InvitationExpiry.BATCH);
		long due = count("select count(*) from invitation where status = 'PENDING' and closes_at <= ?",
				Timestamp.from(now));
		long notDue = count("select count(*) from invitation where status = 'PENDING' and closes_at > ?",
				Timestamp.from(now));
		long expired = count("select count(*) from invitation where status = 'EXPIRED'");
		Run run = run("InvitationExpiry.expireDue", () -> this.expiry.expireDue(now));
		assertThat(run.processed()).isEqualTo(due);
		assertThat(count("select count(*) from invitation where status = 'PENDING' and closes_at <= ?",
				Timestamp.from(now)))
			.isZero();
		assertThat(count("select count(*) from invitation where status = 'PENDING' and closes_at > ?",
				Timestamp.from(now)))
			.isEqualTo(notDue);
		assertThat(count("select count(*) from invitation where status = 'EXPIRED'")).isEqualTo(expired + due);
		assertThat(run.activityEntries()).isEqualTo(due);
		assertThat(run.emails()).isPositive();
		assertThat(count("select count(*) from pending_invitation")).isEqualTo(notDue);
		runAgain("InvitationExpiry.expireDue", () -> this.expiry.expireDue(Instant.now()));
	}

	/** AccessEnds.endDue, every 15 minutes. */
	private void endAccess(ZoneId zone) {
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, zone);
		explain("AccessEnds: a batch of the granted roles that ended", TimedRoleGrants.ENDED, today, 0,
				AccessEnds.BATCH);
		explain("AccessEnds: a batch of the pending invitations with roles that ended", InvitedAccess.WITH_ENDED_ROLES,
				today, 0, AccessEnds.BATCH);
		long grants = count("select count(*) from role_grant");
		long grantsDue = count("select count(*) from role_grant where access_until < ?", today);
		String invitedRoles = """
				select count(*) from invited_role r join invitation i on i.id = r.invitation_id
				where i.status = 'PENDING' and """;
		long invitedDue = count(invitedRoles + " r.access_until < ?", today);
		long invitedNotDue = count(invitedRoles + " (r.access_until is null or r.access_until >= ?)", today);
		long invitationsLeftWithout = count("""
				select count(*) from invitation i where i.status = 'PENDING'
				and exists (select 1 from invited_role r where r.invitation_id = i.id and r.access_until < ?)
				and not exists (select 1 from invited_role r where r.invitation_id = i.id
				                and (r.access_until is null or r.access_until >= ?))
				""", today, today);
		long cancelled = count("select count(*) from invitation where status = 'CANCELLED'");
		AccessEnds.Ended[] ended = new AccessEnds.Ended[1];
		Run run = run("AccessEnds.endDue", () -> {
			ended[0] = this.accessEnds.endDue(now);
			return ended[0].granted() + ended[0].invited();
		});
		System.out.printf(Locale.ROOT,
				"  granted roles ended: %d, invited roles ended: %d, invitations cancelled: %d%n", ended[0].granted(),
				ended[0].invited(), count("select count(*) from invitation where status = 'CANCELLED'") - cancelled);
		assertThat(ended[0].granted()).isEqualTo(grantsDue);
		assertThat(ended[0].invited()).isEqualTo(invitedDue);
		assertThat(count("select count(*) from role_grant where access_until < ?", today)).isZero();
		assertThat(count("select count(*) from role_grant")).isEqualTo(grants - grantsDue);
		assertThat(count(invitedRoles + " r.access_until < ?", today)).isZero();
		assertThat(count(invitedRoles + " (r.access_until is null or r.access_until >= ?)", today))
			.isEqualTo(invitedNotDue);
		assertThat(count("select count(*) from invitation where status = 'CANCELLED'"))
			.isEqualTo(cancelled + invitationsLeftWithout);
		assertThat(run.activityEntries()).isPositive();
		runAgain("AccessEnds.endDue", () -> {
			AccessEnds.Ended again = this.accessEnds.endDue(Instant.now());
			return again.granted() + again.invited();
		});
	}

	/** AccessWarnings.warnDue, every 15 minutes. */
	private void warnOfAccessEnding(ZoneId zone) {
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate lastDue = LocalDate.ofInstant(now.plus(this.access.warningBefore()), zone).minusDays(1);
		explain("AccessWarnings: a batch of the granted roles to warn of", TimedRoleGrants.UNWARNED, today, lastDue, 0,
				AccessEnds.BATCH);
		long due = count(
				"select count(*) from role_grant where access_until between ? and ? and access_warned_at is null",
				today, lastDue);
		long timed = count("select count(*) from role_grant where access_until is not null");
		long warned = count("select count(*) from role_grant where access_warned_at is not null");
		Run run = run("AccessWarnings.warnDue", () -> this.accessWarnings.warnDue(now));
		assertThat(run.processed()).isEqualTo(due);
		assertThat(
				count("select count(*) from role_grant where access_until between ? and ? and access_warned_at is null",
						today, lastDue))
			.isZero();
		assertThat(count(
				"select count(*) from role_grant where access_until between ? and ? and access_warned_at is not null",
				today, lastDue))
			.isEqualTo(due);
		assertThat(count("select count(*) from role_grant where access_warned_at is not null")).isEqualTo(warned + due);
		assertThat(count("select count(*) from role_grant where access_until is not null")).isEqualTo(timed);
		// The person (when active) and each administrator of the area: at least one each.
		assertThat(run.emails()).isGreaterThanOrEqualTo(due);
		runAgain("AccessWarnings.warnDue", () -> this.accessWarnings.warnDue(Instant.now()));
	}

	/** PersonalDataRetention.removeDue, every app.retention.interval. */
	private void removePersonalData(ZoneId zone) {
		Instant now = Instant.now();
		Duration retention = this.retentionProperties.endedInvitations();
		Instant cutoff = (retention.toSeconds() % Duration.ofDays(1).toSeconds() == 0)
				? now.atZone(zone).minusDays(retention.toDays()).toInstant() : now.minus(retention);
		explain("PersonalDataRetention: a batch of the ended invitations due", PersonalDataRetention.DUE,
				Timestamp.from(cutoff), PersonalDataRetention.BATCH);
		String scrubbed = "select count(*) from invitation where personal_data_removed_at is not null";
		long due = count("select count(*) from invitation where personal_data_removed_at is null and ended_at <= ?",
				Timestamp.from(cutoff));
		long notDue = count("select count(*) from invitation where personal_data_removed_at is null and "
				+ "(ended_at is null or ended_at > ?)", Timestamp.from(cutoff));
		long before = count(scrubbed);
		String removedTexts = "select count(*) from outbound_email where text_body like 'Removed: %'";
		long textsBefore = count(removedTexts);
		String removedAccounts = "select count(*) from account where personal_data_removed_at is not null";
		long accountsBefore = count(removedAccounts);
		Run run = run("PersonalDataRetention.removeDue", () -> this.retention.removeDue(now));
		System.out.printf(Locale.ROOT, "  emails whose text went: %d, accounts whose address and name went: %d%n",
				count(removedTexts) - textsBefore, count(removedAccounts) - accountsBefore);
		assertThat(run.processed()).isEqualTo(due);
		assertThat(count(scrubbed)).isEqualTo(before + due);
		assertThat(count("select count(*) from invitation where personal_data_removed_at is null and ended_at <= ?",
				Timestamp.from(cutoff)))
			.isZero();
		assertThat(count("select count(*) from invitation where personal_data_removed_at is null and "
				+ "(ended_at is null or ended_at > ?)", Timestamp.from(cutoff)))
			.isEqualTo(notDue);
		// The accounts never set up with nothing else: the synthetic endings' 1,500.
		assertThat(count(removedAccounts) - accountsBefore).isEqualTo(1_500);
		assertThat(run.emails()).isZero();
		assertThat(run.activityEntries()).isPositive();
		runAgain("PersonalDataRetention.removeDue", () -> this.retention.removeDue(Instant.now()));
	}

	/** Runs the job once: how long it took, what it wrote, the heap around it. */
	private Run run(String name, IntSupplier job) {
		long emails = count("select count(*) from outbound_email");
		long entries = count("select count(*) from activity_entry");
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		long start = System.nanoTime();
		int processed = job.getAsInt();
		double millis = (System.nanoTime() - start) / 1e6;
		long heapAfter = runtime.totalMemory() - runtime.freeMemory();
		System.gc();
		long heapKept = runtime.totalMemory() - runtime.freeMemory();
		Run run = new Run(processed, count("select count(*) from outbound_email") - emails,
				count("select count(*) from activity_entry") - entries);
		System.out.printf(Locale.ROOT,
				"%s: %d rows processed in %.0f ms; emails queued: %d; activity entries: %d; "
						+ "heap used %d MB before, %d MB after (%d MB after a GC)%n",
				name, processed, millis, run.emails(), run.activityEntries(), heapBefore / (1024 * 1024),
				heapAfter / (1024 * 1024), heapKept / (1024 * 1024));
		return run;
	}

	/** A second run right after the first: nothing left to do, nothing written. */
	private void runAgain(String name, IntSupplier job) {
		long emails = count("select count(*) from outbound_email");
		long entries = count("select count(*) from activity_entry");
		long start = System.nanoTime();
		int processed = job.getAsInt();
		System.out.printf(Locale.ROOT, "%s again right after: %d rows in %.0f ms%n%n", name, processed,
				(System.nanoTime() - start) / 1e6);
		assertThat(processed).isZero();
		assertThat(count("select count(*) from outbound_email")).isEqualTo(emails);
		assertThat(count("select count(*) from activity_entry")).isEqualTo(entries);
	}

	private void explain(String title, String sql, Object... params) {
		List<String> plan = this.jdbc.sql("explain (analyze, buffers) " + sql)
			.params(params)
			.query(String.class)
			.list();
		System.out.println("\n-- " + title);
		plan.forEach((line) -> System.out.println("  " + line));
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private record Run(long processed, long emails, long activityEntries) {
	}

}
