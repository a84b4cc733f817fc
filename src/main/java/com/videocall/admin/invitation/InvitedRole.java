package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role in an area offered by an invitation, with who offered it and when. */
@Entity
@Table(name = "invited_role")
public class InvitedRole {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private long areaId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AreaKind areaKind;

	/** The last day of the role's access (LC1), in app.time-zone; null: no end. */
	private LocalDate accessUntil;

	@Column(nullable = false)
	private long invitedBy;

	@Column(nullable = false)
	private Instant invitedAt;

	protected InvitedRole() {
	}

	InvitedRole(Role role, long areaId, LocalDate accessUntil, long invitedBy, Instant invitedAt) {
		this.role = role;
		this.areaId = areaId;
		this.accessUntil = accessUntil;
		this.areaKind = role.areaKind();
		this.invitedBy = invitedBy;
		this.invitedAt = invitedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Role getRole() {
		return this.role;
	}

	public long getAreaId() {
		return this.areaId;
	}

	public long getInvitedBy() {
		return this.invitedBy;
	}

	public Instant getInvitedAt() {
		return this.invitedAt;
	}

	public LocalDate getAccessUntil() {
		return this.accessUntil;
	}

	/** Moves or clears (null) the end of the role's access; by the invitation only. */
	void changeAccessUntil(LocalDate accessUntil) {
		this.accessUntil = accessUntil;
	}

	public Invitation.RoleOffer offer() {
		return new Invitation.RoleOffer(this.role, this.areaId, this.accessUntil);
	}

}
