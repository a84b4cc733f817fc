package com.videocall.admin.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Small vocabulary for planting areas, people, roles and pending invitations with JDBC.
 */
class DemoSeed {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Instant now;

	private final String passwordHash;

	private final Duration linkValidity;

	DemoSeed(JdbcClient jdbc, Instant now, String passwordHash, Duration linkValidity) {
		this.jdbc = jdbc;
		this.now = now;
		this.passwordHash = passwordHash;
		this.linkValidity = linkValidity;
	}

	long area(AreaKind kind, String name, Long parentId) {
		return this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind.name(), name, parentId)
			.query(Long.class)
			.single();
	}

	long person(String name, String email, String status, boolean systemAdministrator) {
		return this.jdbc.sql("""
				insert into account (email, full_name, password_hash, status, system_administrator, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(email, name, this.passwordHash, status, systemAdministrator, at(Duration.ofDays(90)))
			.query(Long.class)
			.single();
	}

	void grant(long accountId, Role role, long areaId) {
		this.jdbc
			.sql("insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, ?)")
			.params(accountId, role.name(), areaId, role.areaKind().name(), at(Duration.ofDays(60)))
			.update();
	}

	/**
	 * A pending invitation sent {@code ago}, with its first link; old ones have expired
	 * links.
	 */
	long invite(String email, long invitedBy, Duration ago, Offer... offers) {
		Timestamp sentAt = at(ago);
		long accountId = this.jdbc
			.sql("insert into account (email, status, created_at) values (?, 'INVITED', ?) returning id")
			.params(email, sentAt)
			.query(Long.class)
			.single();
		long invitationId = this.jdbc.sql("""
				insert into invitation (account_id, status, invited_at, invited_by, last_sent_at)
				values (?, 'PENDING', ?, ?, ?) returning id
				""").params(accountId, sentAt, invitedBy, sentAt).query(Long.class).single();
		long eventId = this.jdbc.sql("""
				insert into invitation_event (invitation_id, type, actor_id, occurred_at, source_page)
				values (?, 'INVITED', ?, ?, 'Demo data') returning id
				""").params(invitationId, invitedBy, sentAt).query(Long.class).single();
		offer(invitationId, eventId, invitedBy, sentAt, offers);
		this.jdbc.sql(
				"insert into invitation_link (invitation_id, token_sha256, created_at, expires_at) values (?, ?, ?, ?)")
			.params(invitationId, unknownTokenHash(), sentAt,
					Timestamp.from(sentAt.toInstant().plus(this.linkValidity)))
			.update();
		return invitationId;
	}

	/**
	 * More roles on a pending invitation, offered by another administrator {@code ago}.
	 */
	void extend(long invitationId, long invitedBy, Duration ago, Offer... offers) {
		Timestamp at = at(ago);
		long eventId = this.jdbc.sql("""
				insert into invitation_event (invitation_id, type, actor_id, occurred_at, source_page)
				values (?, 'ROLES_ADDED', ?, ?, 'Demo data') returning id
				""").params(invitationId, invitedBy, at).query(Long.class).single();
		offer(invitationId, eventId, invitedBy, at, offers);
	}

	private void offer(long invitationId, long eventId, long invitedBy, Timestamp sentAt, Offer... offers) {
		for (Offer offer : offers) {
			this.jdbc.sql("""
					insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(invitationId, offer.role().name(), offer.areaId(), offer.role().areaKind().name(), invitedBy,
						sentAt)
				.update();
			this.jdbc.sql("insert into invitation_event_role (event_id, role, area_id) values (?, ?, ?)")
				.params(eventId, offer.role().name(), offer.areaId())
				.update();
		}
		this.jdbc.sql(
				"insert into invitation_link (invitation_id, token_sha256, created_at, expires_at) values (?, ?, ?, ?)")
			.params(invitationId, unknownTokenHash(), sentAt,
					Timestamp.from(sentAt.toInstant().plus(this.linkValidity)))
			.update();
	}

	private Timestamp at(Duration ago) {
		return Timestamp.from(this.now.minus(ago));
	}

	/**
	 * Demo links are never emailed, so their tokens are thrown away and only a hash is
	 * kept.
	 */
	private static byte[] unknownTokenHash() {
		byte[] token = new byte[32];
		random.nextBytes(token);
		try {
			return MessageDigest.getInstance("SHA-256").digest(token);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A role offered in an area. */
	record Offer(Role role, long areaId) {
	}

}
