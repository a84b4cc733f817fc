package com.videocall.admin.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds small organisations of a test's own with JDBC, and looks records up by name.
 * <p>
 * All test classes share one database with the demo organisation, and several of them
 * assert exact lists of the demo data. So a test's own data keeps apart from it: it lives
 * only in new top-level units (never in or below a demo area, so no demo administrator
 * sees it), its names and emails carry a random {@link #tag()}, and its emails end in
 * {@value #EMAIL_DOMAIN} (reserved, never delivered anywhere). A System Administrator
 * sees everything, so exact assertions about that view search the Users list for
 * {@code @example.org} and compare area lists with the database. Nothing is cleaned up:
 * the database belongs to this test run only.
 */
public class TestOrganisation {

	public static final String EMAIL_DOMAIN = "@test.invalid";

	/** The password of every account made by {@link #person}. */
	public static final String PASSWORD = "test-password-1";

	private final JdbcClient jdbc;

	private final String passwordHash;

	public TestOrganisation(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwordHash = passwords.encode(PASSWORD);
	}

	public static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** An email nobody else has: "{who}-{tag}@test.invalid". */
	public static String email(String who) {
		return who + "-" + tag() + EMAIL_DOMAIN;
	}

	public long area(AreaKind kind, String name, Long parentId) {
		return this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind.name(), name, parentId)
			.query(Long.class)
			.single();
	}

	/** An active account; {@code email} should end in @test.invalid. */
	public long person(String name, String email) {
		return person(name, email, AccountStatus.ACTIVE);
	}

	/**
	 * An account with a name and the password {@link #PASSWORD}, whatever its status, so
	 * that tests can try to sign in with it.
	 */
	public long person(String name, String email, AccountStatus status) {
		return this.jdbc.sql("""
				insert into account (email, full_name, password_hash, status, created_at)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(email, name, this.passwordHash, status.name(), Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
	}

	/** An invited account as an invitation makes it: no name and no password yet. */
	public long invitee(String email) {
		return this.jdbc.sql("insert into account (email, status, created_at) values (?, 'INVITED', ?) returning id")
			.params(email, Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
	}

	public void grant(long accountId, Role role, long areaId) {
		this.jdbc
			.sql("insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, ?)")
			.params(accountId, role.name(), areaId, role.areaKind().name(), Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * A pending invitation of {@code invitee}, sent by {@code by} at {@code at}, written
	 * straight into the tables with a link nobody knows (no email, no history): for
	 * read-model tests that need many. {@link Invitations#pendingFor} makes one the way
	 * Add Users does. It closes (LC2) 90 days after it was sent, or after now for one
	 * sent earlier, so that the expiry job never ends it under a test about something
	 * else.
	 */
	public PendingInvitation invite(long invitee, long by, Instant at) {
		// One statement: the invitation and its link commit together (V8).
		long id = this.jdbc
			.sql("""
					with invitation as (
					    insert into invitation (account_id, status, invited_at, invited_by, last_sent_at, closes_at)
					    values (:invitee, 'PENDING', :at, :by, :at, greatest(cast(:at as timestamptz), now()) + interval '90 days')
					    returning id),
					link as (
					    insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
					    select id, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), :at, cast(:at as timestamptz) + interval '14 days'
					    from invitation)
					select id from invitation
					""")
			.param("invitee", invitee)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
		return new PendingInvitation(id, by, at);
	}

	/** The id of the (demo) area with this name. */
	public long areaId(String name) {
		return this.jdbc.sql("select id from area where name = ?").param(name).query(Long.class).single();
	}

	/** The id of the account with this email. */
	public long accountId(String email) {
		return this.jdbc.sql("select id from account where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** An id no area and no account has. */
	public long missingId() {
		return this.jdbc.sql("select greatest((select max(id) from area), (select max(id) from account)) + 1000000")
			.query(Long.class)
			.single();
	}

	/**
	 * A unit with one waiting area and one meeting room, and an Organisation
	 * Administrator of it.
	 */
	public Clinic clinic() {
		String tag = tag();
		long unit = area(AreaKind.ORGANISATIONAL_UNIT, "Unit " + tag, null);
		long waitingArea = area(AreaKind.WAITING_AREA, "Waiting area " + tag, unit);
		long meetingRoom = area(AreaKind.MEETING_ROOM, "Meeting room " + tag, unit);
		String adminEmail = "admin-" + tag + EMAIL_DOMAIN;
		long admin = person("Admin " + tag, adminEmail);
		grant(admin, Role.ORGANISATION_ADMINISTRATOR, unit);
		return new Clinic(tag, unit, waitingArea, meetingRoom, admin, adminEmail);
	}

	/**
	 * A test's own unit, waiting area and meeting room, administered by
	 * {@code adminEmail}.
	 */
	public record Clinic(String tag, long unit, long waitingArea, long meetingRoom, long admin, String adminEmail) {

		public String email(String who) {
			return who + "-" + this.tag + EMAIL_DOMAIN;
		}

		public String unitName() {
			return "Unit " + this.tag;
		}

		public String waitingAreaName() {
			return "Waiting area " + this.tag;
		}

		public String meetingRoomName() {
			return "Meeting room " + this.tag;
		}

		/** The waiting area's URL path, under which its pages and actions are. */
		public String waitingAreaPath() {
			return "/waiting-areas/" + this.waitingArea;
		}

		public String meetingRoomPath() {
			return "/meeting-rooms/" + this.meetingRoom;
		}

		public String unitPath() {
			return "/organisational-units/" + this.unit;
		}

	}

	/** A pending invitation made by {@link #invite}, to which roles can be added. */
	public final class PendingInvitation {

		private final long id;

		private final long by;

		private final Instant at;

		PendingInvitation(long id, long by, Instant at) {
			this.id = id;
			this.by = by;
			this.at = at;
		}

		public long id() {
			return this.id;
		}

		/** Offers the role in the area, as the inviter did when inviting. */
		public PendingInvitation offering(Role role, long areaId) {
			TestOrganisation.this.jdbc.sql("""
					insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(this.id, role.name(), areaId, role.areaKind().name(), this.by, Timestamp.from(this.at))
				.update();
			return this;
		}

	}

}
