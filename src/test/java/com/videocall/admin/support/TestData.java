package com.videocall.admin.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds areas, accounts, roles and pending invitations of a test's own, with JDBC.
 * <p>
 * All test classes share one database with the demo organisation, and several of them
 * assert exact lists of the demo data. So test data keeps apart from it: it lives only in
 * new top-level units (never in or below a demo area, so no demo administrator sees it),
 * its emails end in {@value #EMAIL_DOMAIN} and its area names start with
 * {@value #AREA_PREFIX}. A System Administrator sees everything, so exact assertions
 * about that view search the Users list for {@code @example.org} and compare area lists
 * with the database. Nothing is cleaned up: the database belongs to this test run only.
 */
public class TestData {

	public static final String EMAIL_DOMAIN = "@test.invalid";

	public static final String AREA_PREFIX = "Test ";

	/** The password of every account made by {@link #person}. */
	public static final String PASSWORD = "test-password-for-signing-in";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private String passwordHash;

	public TestData(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	/** A new top-level organisational unit, named "Test {name} {n}". */
	public Area unit(String name) {
		return area(AreaKind.ORGANISATIONAL_UNIT, name, null);
	}

	/** A new area of the given kind below {@code parent}, named "Test {name} {n}". */
	public Area area(AreaKind kind, String name, Area parent) {
		String uniqueName = AREA_PREFIX + name + " " + sequence.incrementAndGet();
		long id = this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind.name(), uniqueName, (parent != null) ? parent.id() : null)
			.query(Long.class)
			.single();
		return new Area(id, uniqueName);
	}

	/**
	 * An account with a name and the password {@link #PASSWORD}, whatever its status, so
	 * that tests can try to sign in with it.
	 */
	public Person person(String name, AccountStatus status) {
		String email = uniqueEmail(name);
		long id = this.jdbc.sql("""
				insert into account (email, full_name, password_hash, status, created_at)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(email, name, passwordHash(), status.name(), Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		return new Person(id, email, name);
	}

	/** An invited account as an invitation makes it: no name and no password yet. */
	public Person invitee(String localPart) {
		String email = uniqueEmail(localPart);
		long id = this.jdbc.sql("insert into account (email, status, created_at) values (?, 'INVITED', ?) returning id")
			.params(email, Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		return new Person(id, email, null);
	}

	public TestData grant(Person person, Role role, Area area) {
		this.jdbc
			.sql("insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, ?)")
			.params(person.id(), role.name(), area.id(), role.areaKind().name(), Timestamp.from(Instant.now()))
			.update();
		return this;
	}

	/** A pending invitation of {@code invitee}, sent by {@code by} at {@code at}. */
	public PendingInvitation invite(Person invitee, Person by, Instant at) {
		long id = this.jdbc.sql("""
				insert into invitation (account_id, status, invited_at, invited_by, last_sent_at)
				values (?, 'PENDING', ?, ?, ?) returning id
				""").params(invitee.id(), Timestamp.from(at), by.id(), Timestamp.from(at)).query(Long.class).single();
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

	private String uniqueEmail(String name) {
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
		return slug + "." + sequence.incrementAndGet() + EMAIL_DOMAIN;
	}

	private synchronized String passwordHash() {
		if (this.passwordHash == null) {
			this.passwordHash = this.passwords.encode(PASSWORD);
		}
		return this.passwordHash;
	}

	/** An area made by a test. */
	public record Area(long id, String name) {
	}

	/** An account made by a test; {@code name} is null for an invitee. */
	public record Person(long id, String email, String name) {
	}

	/** A pending invitation made by a test, to which roles can be added. */
	public final class PendingInvitation {

		private final long id;

		private final Person by;

		private final Instant at;

		PendingInvitation(long id, Person by, Instant at) {
			this.id = id;
			this.by = by;
			this.at = at;
		}

		public PendingInvitation offering(Role role, Area area) {
			TestData.this.jdbc.sql("""
					insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(this.id, role.name(), area.id(), role.areaKind().name(), this.by.id(), Timestamp.from(this.at))
				.update();
			return this;
		}

	}

}
