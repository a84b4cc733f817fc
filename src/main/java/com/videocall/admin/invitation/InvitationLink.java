package com.videocall.admin.invitation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One emailed link: only the SHA-256 of its token is kept. Only an invitation's newest
 * link works.
 */
@Entity
@Table(name = "invitation_link")
class InvitationLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_sha256", nullable = false)
	private byte[] tokenSha256;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant expiresAt;

	private Instant usedAt;

	protected InvitationLink() {
	}

	InvitationLink(byte[] tokenSha256, Instant createdAt, Instant expiresAt) {
		this.tokenSha256 = tokenSha256.clone();
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getId() {
		return this.id;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	boolean hasTokenHash(byte[] hash) {
		return java.security.MessageDigest.isEqual(this.tokenSha256, hash);
	}

	void markUsed(Instant now) {
		this.usedAt = now;
	}

}
