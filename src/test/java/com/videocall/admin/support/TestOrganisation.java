package com.videocall.admin.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds small organisations of a test's own (names and emails carry a random tag, emails
 * use the reserved domain test.invalid), so tests that change data never meet each other
 * or the demo organisation's exact expectations.
 */
public class TestOrganisation {

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

	public long area(AreaKind kind, String name, Long parentId) {
		return this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind.name(), name, parentId)
			.query(Long.class)
			.single();
	}

	/** An active account; {@code email} should end in @test.invalid. */
	public long person(String name, String email) {
		return this.jdbc.sql("""
				insert into account (email, full_name, password_hash, status, created_at)
				values (?, ?, ?, 'ACTIVE', ?) returning id
				""").params(email, name, this.passwordHash, Timestamp.from(Instant.now())).query(Long.class).single();
	}

	public void grant(long accountId, Role role, long areaId) {
		this.jdbc
			.sql("insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, ?)")
			.params(accountId, role.name(), areaId, role.areaKind().name(), Timestamp.from(Instant.now()))
			.update();
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
		String adminEmail = "admin-" + tag + "@test.invalid";
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
			return who + "-" + this.tag + "@test.invalid";
		}

		public String waitingAreaName() {
			return "Waiting area " + this.tag;
		}

		/** The waiting area's URL path, under which its pages and actions are. */
		public String waitingAreaPath() {
			return "/waiting-areas/" + this.waitingArea;
		}

		public String meetingRoomPath() {
			return "/meeting-rooms/" + this.meetingRoom;
		}

	}

}
