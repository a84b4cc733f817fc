package com.videocall.admin.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One person's account, identified by email. */
@Entity
@Table(name = "account")
public class UserAccount {

	/** The longest name a person can have (the column's length). */
	public static final int FULL_NAME_LENGTH = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	private String fullName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AccountStatus status;

	@Column(nullable = false)
	private boolean systemAdministrator;

	@Column(nullable = false)
	private Instant createdAt;

	/**
	 * Whether the person is emailed when someone they invited sets up their account
	 * (LC5); on until they switch it off on their Security page.
	 */
	@Column(nullable = false)
	private boolean setUpNotices = true;

	/**
	 * When the address and name were replaced by a placeholder (LC3); null: they are the
	 * person's.
	 */
	private Instant personalDataRemovedAt;

	@Version
	private long version;

	protected UserAccount() {
	}

	static UserAccount invited(String email, Instant now) {
		UserAccount account = new UserAccount();
		account.email = email;
		account.status = AccountStatus.INVITED;
		account.createdAt = now;
		return account;
	}

	static UserAccount active(String email, String fullName, String passwordHash, boolean systemAdministrator,
			Instant now) {
		UserAccount account = new UserAccount();
		account.email = email;
		account.fullName = fullName;
		account.passwordHash = passwordHash;
		account.status = AccountStatus.ACTIVE;
		account.systemAdministrator = systemAdministrator;
		account.createdAt = now;
		return account;
	}

	/**
	 * The person sets up their invited account: it becomes active with their name and
	 * password, or without a password when they set it up with single sign-on (SI5).
	 */
	void activate(String fullName, String passwordHash) {
		if (this.status != AccountStatus.INVITED) {
			throw new IllegalStateException("Only an invited account can be set up; this one is " + this.status);
		}
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.status = AccountStatus.ACTIVE;
	}

	/** The person chose a new password (SI9). */
	void changePassword(String passwordHash) {
		if (this.status != AccountStatus.ACTIVE) {
			throw new IllegalStateException("Only an active account changes its password; this one is " + this.status);
		}
		this.passwordHash = passwordHash;
	}

	void emailSetUpNotices(boolean wanted) {
		this.setUpNotices = wanted;
	}

	void disable() {
		this.status = AccountStatus.DISABLED;
	}

	/**
	 * Replaces the address by {@link EmailAddresses#removed(long) a placeholder} and
	 * forgets the name (LC3), for a person who never set up their account; refused for
	 * any other, whose account is theirs.
	 */
	void removePersonalData(Instant now) {
		if (this.status != AccountStatus.INVITED) {
			throw new IllegalStateException("Only an invited account loses its personal data");
		}
		this.email = EmailAddresses.removed(this.id);
		this.fullName = null;
		this.personalDataRemovedAt = now;
	}

	/** Whether the address and name were removed (LC3). */
	public boolean isPersonalDataRemoved() {
		return this.personalDataRemovedAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getFullName() {
		return this.fullName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public boolean isSystemAdministrator() {
		return this.systemAdministrator;
	}

	/**
	 * Whether the person wants an email when someone they invited sets up their account
	 * (LC5).
	 */
	public boolean wantsSetUpNotices() {
		return this.setUpNotices;
	}

	/** The name to show: the full name, or the email while no name is known yet. */
	public String getDisplayName() {
		return (this.fullName != null) ? this.fullName : this.email;
	}

}
