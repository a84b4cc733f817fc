package com.videocall.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryEntry;
import com.videocall.admin.invitation.HistoryEntry.RoleInArea;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.InvitationHistory.Visible;
import com.videocall.admin.mail.EmailDelivery;
import com.videocall.admin.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V21 and V22 move the invitation history into the activity trail (AC4): nothing lost,
 * the same scope rules. The history is written as the invitation module wrote it up to
 * V20 (the statements of its {@code HistoryRecorder}: one row per event, its roles per
 * area, the areas a reminder was sent for; an automatic reminder and a new link without
 * actor), with the emails those events queued; after the migration the Manage Invitation
 * dialog's reader shows each administrator what the V20 reader showed them, and the
 * copied entries form a valid chain.
 */
class HistoryMigrationTests {

	private static final Instant START = Instant.parse("2026-11-02T01:00:00Z");

	private static JdbcClient jdbc;

	private static long north;

	private static long south;

	private static long northAdmin;

	private static long southAdmin;

	private static long invitee;

	private static long invitation;

	private static final List<Long> events = new ArrayList<>();

	private static final List<Long> emails = new ArrayList<>();

	@BeforeAll
	static void historyWrittenUpToV20ThenMigrated() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				TestDatabase.newDatabase() + "?currentSchema=video_call_admin", TestDatabase.user(),
				TestDatabase.password());
		migrate(dataSource, "20", "no-repeatables-before-the-latest-version");
		jdbc = JdbcClient.create(dataSource);
		long unit = area("ORGANISATIONAL_UNIT", "Clinics", null);
		north = area("WAITING_AREA", "North Physio", unit);
		south = area("WAITING_AREA", "South Physio", unit);
		northAdmin = account("north.admin@test.invalid", "Nora North", "ACTIVE");
		southAdmin = account("south.admin@test.invalid", "Sam South", "ACTIVE");
		invitee = account("invitee@test.invalid", "Ivy Invitee", "INVITED");
		invitation = jdbc.sql("""
				with i as (insert into invitation (account_id, status, invited_at, invited_by, last_sent_at, ended_at)
				           values (?, 'ACCEPTED', ?, ?, ?, ?) returning id),
				     l as (insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
				           select id, sha256('token'::bytea), ?, ? from i)
				select id from i
				""").params(invitee, at(0), northAdmin, at(4), at(8), at(0), at(300)).query(Long.class).single();

		event("INVITED", northAdmin, 0, "Add Users: North Physio", "SERVICE_PROVIDER", north);
		event("ROLES_ADDED", southAdmin, 1, "Add Users: South Physio", "RECEPTIONIST", south);
		reminder(southAdmin, 2, "South Physio: Waiting Area", south);
		reminder(null, 3, null);
		event("LINK_REQUESTED", null, 4, null);
		event("ROLES_REMOVED", northAdmin, 5, "Users: Manage Invitation", "SERVICE_PROVIDER", north);
		event("UNDONE", northAdmin, 6, "Users: Manage Invitation", "SERVICE_PROVIDER", north);
		long accepted = event("ACCEPTED", invitee, 8, null);
		role(accepted, "SERVICE_PROVIDER", north);
		role(accepted, "RECEPTIONIST", south);
		for (int i : new int[] { 0, 1, 2, 3, 4 }) {
			emails.add(email(events.get(i), i));
		}

		migrate(dataSource, "latest", "R");
	}

	@Test
	void everyEntryIsKeptWithItsKindActorPersonPageAndAreas() {
		assertThat(jdbc.sql("select id, kind, actor_id, person_id, invitation_id from activity_entry order by id")
			.query((rs, row) -> List.of(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class) + "", rs.getLong(4),
					rs.getLong(5)))
			.list()).containsExactly(List.of(events.get(0), "INVITED", northAdmin + "", invitee, invitation),
					List.of(events.get(1), "ROLES_ADDED", southAdmin + "", invitee, invitation),
					List.of(events.get(2), "REMINDER_SENT", southAdmin + "", invitee, invitation),
					List.of(events.get(3), "AUTOMATIC_REMINDER_SENT", "null", invitee, invitation),
					List.of(events.get(4), "LINK_REQUESTED", invitee + "", invitee, invitation),
					List.of(events.get(5), "ROLES_REMOVED", northAdmin + "", invitee, invitation),
					List.of(events.get(6), "UNDONE", northAdmin + "", invitee, invitation),
					List.of(events.get(7), "ACCEPTED", invitee + "", invitee, invitation));
		assertThat(jdbc.sql("select source_page from activity_entry where id = ?")
			.param(events.get(2))
			.query(String.class)
			.single()).isEqualTo("South Physio: Waiting Area");
		// The automatic reminder and the new link concern the areas of the roles offered
		// by then, so that both areas' administrators find them in Activity.
		assertThat(areas(events.get(3))).containsExactly(north + ":", south + ":");
		assertThat(areas(events.get(4))).containsExactly(north + ":", south + ":");
		assertThat(areas(events.get(2))).containsExactly(south + ":");
		assertThat(areas(events.get(7))).containsExactly(north + ":SERVICE_PROVIDER", south + ":RECEPTIONIST");
		assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name like 'invitation_event%'")
			.query(Long.class)
			.single()).isZero();
	}

	/** What the V20 reader showed the administrator of North Physio. */
	@Test
	void theDialogShowsAnAdministratorWhatItShowedThemBefore() {
		Visible north = new InvitationHistoryRecords(jdbc)
			.visibleTo(new AdministratorScope(northAdmin, false, Set.of(HistoryMigrationTests.north)), invitation);

		assertThat(north.entries()).extracting(HistoryEntry::type, HistoryEntry::actor, HistoryEntry::byAnotherArea)
			.containsExactly(tuple(HistoryType.INVITED, "Nora North", false),
					tuple(HistoryType.REMINDER_SENT, null, true),
					tuple(HistoryType.AUTOMATIC_REMINDER_SENT, null, false),
					tuple(HistoryType.LINK_REQUESTED, null, false),
					tuple(HistoryType.ROLES_REMOVED, "Nora North", false),
					tuple(HistoryType.UNDONE, "Nora North", false), tuple(HistoryType.ACCEPTED, "Ivy Invitee", false));
		assertThat(north.entries().get(0).sourcePage()).isEqualTo("Add Users: North Physio");
		assertThat(north.entries().get(6).roles())
			.containsExactly(new RoleInArea(Role.SERVICE_PROVIDER, "North Physio"));
		// The emails of the entries read, newest first; not the one of South's roles.
		assertThat(north.emails()).extracting(EmailDelivery::id)
			.containsExactly(emails.get(4), emails.get(3), emails.get(2), emails.get(0));
	}

	/** What the V20 reader showed the administrator of South Physio and everyone. */
	@Test
	void otherScopesReadWhatTheyReadBefore() {
		InvitationHistoryRecords history = new InvitationHistoryRecords(jdbc);
		Visible south = history
			.visibleTo(new AdministratorScope(southAdmin, false, Set.of(HistoryMigrationTests.south)), invitation);
		assertThat(south.entries()).extracting(HistoryEntry::type, HistoryEntry::actor)
			.containsExactly(tuple(HistoryType.ROLES_ADDED, "Sam South"), tuple(HistoryType.REMINDER_SENT, "Sam South"),
					tuple(HistoryType.AUTOMATIC_REMINDER_SENT, null), tuple(HistoryType.LINK_REQUESTED, null),
					tuple(HistoryType.ACCEPTED, "Ivy Invitee"));
		assertThat(south.entries().get(1).sourcePage()).isEqualTo("South Physio: Waiting Area");
		assertThat(south.emails()).extracting(EmailDelivery::id)
			.containsExactly(emails.get(4), emails.get(3), emails.get(2), emails.get(1));

		Visible everything = history.visibleTo(new AdministratorScope(1, true, Set.of()), invitation);
		assertThat(everything.entries()).hasSize(8);
		assertThat(everything.emails()).hasSize(5);
		assertThat(history
			.concernsRoleIn(new AdministratorScope(southAdmin, false, Set.of(HistoryMigrationTests.south)), invitation))
			.isTrue();
		assertThat(history.concernsRoleIn(new AdministratorScope(9, false, Set.of(-1L)), invitation)).isFalse();
	}

	@Test
	void theCopiedEntriesFormAChainAndNewOnesFollowIt() {
		AtomicReference<byte[]> previous = new AtomicReference<>(ActivityChain.START);
		List<Long> checked = new ArrayList<>();
		StoredEntries.after(jdbc, 0, (entry) -> {
			assertThat(entry.hash()).as("entry %d", entry.id()).isEqualTo(entry.expectedHash(previous.get()));
			previous.set(entry.hash());
			checked.add(entry.id());
		});
		assertThat(checked).containsExactlyElementsOf(events);
		assertThat(jdbc.sql("select nextval('activity_entry_id')").query(Long.class).single())
			.isGreaterThan(events.get(events.size() - 1));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static List<String> areas(long entry) {
		return jdbc.sql("""
				select x.area_id || ':' || array_to_string(x.roles, ',') from activity_entry_area x
				where x.entry_id = ? order by x.area_id
				""").param(entry).query(String.class).list();
	}

	private static Timestamp at(int hours) {
		return Timestamp.from(START.plusSeconds(3600L * hours));
	}

	private static long area(String kind, String name, Long parent) {
		return jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind, name, parent)
			.query(Long.class)
			.single();
	}

	private static long account(String email, String name, String status) {
		return jdbc.sql("""
				insert into account (email, full_name, password_hash, status, created_at)
				values (?, ?, case when ? = 'ACTIVE' then 'x' end, ?, now()) returning id
				""").params(email, name, status, status).query(Long.class).single();
	}

	/** HistoryRecorder's insert, and its roles: one event with at most one role here. */
	private static long event(String type, Long actor, int hours, String page, Object... roleAndArea) {
		long id = jdbc.sql("""
				insert into invitation_event (invitation_id, type, actor_id, occurred_at, source_page)
				values (?, ?, ?, ?, ?) returning id
				""").params(invitation, type, actor, at(hours), page).query(Long.class).single();
		events.add(id);
		if (roleAndArea.length == 2) {
			role(id, (String) roleAndArea[0], (Long) roleAndArea[1]);
		}
		return id;
	}

	private static void role(long event, String role, long area) {
		jdbc.sql("insert into invitation_event_role (event_id, role, area_id) values (?, ?, ?)")
			.params(event, role, area)
			.update();
	}

	/** A reminder: no roles, the areas it was sent for (none when automatic). */
	private static void reminder(Long actor, int hours, String page, Long... forAreas) {
		long id = event("REMINDER_SENT", actor, hours, page);
		for (long area : forAreas) {
			jdbc.sql("insert into invitation_event_area (event_id, area_id) values (?, ?)").params(id, area).update();
		}
	}

	private static long email(long event, int hours) {
		return jdbc.sql("""
				insert into outbound_email (topic, reference, message_id, recipient, subject, text_body, html_body,
				                            status, next_attempt_at, created_at, sent_at)
				values (?, ?, '<' || gen_random_uuid() || '@test.invalid>', 'invitee@test.invalid', 'Invited', 't', 'h',
				        'SENT', ?, ?, ?)
				returning id
				""")
			.params("invitation:" + invitation, "invitation-event:" + event, at(hours), at(hours), at(hours))
			.query(Long.class)
			.single();
	}

	private static void migrate(DriverManagerDataSource dataSource, String target, String repeatablePrefix) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("video_call_admin")
			.createSchemas(true)
			.locations("classpath:db/migration")
			.target(target)
			.repeatableSqlMigrationPrefix(repeatablePrefix)
			.load()
			.migrate();
	}

}
