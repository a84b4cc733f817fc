package com.videocall.admin.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import com.videocall.admin.directory.Role;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A pending invitation and the roles it offers (the aggregate). Its methods guard every
 * transition: an ended invitation changes no more, a reminder waits for the interval, and
 * an invitation whose last role is removed is cancelled.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private long accountId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private InvitationStatus status;

	@Column(nullable = false)
	private Instant invitedAt;

	private Long invitedBy;

	@Column(nullable = false)
	private int remindersSent;

	@Column(nullable = false)
	private Instant lastSentAt;

	private Instant lastRemindedAt;

	private Instant endedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invitation_id", nullable = false)
	@OrderBy("id")
	private List<InvitedRole> roles = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invitation_id", nullable = false)
	@OrderBy("id")
	private List<InvitationLink> links = new ArrayList<>();

	protected Invitation() {
	}

	Invitation(long accountId, long invitedBy, Instant now) {
		this.accountId = accountId;
		this.invitedBy = invitedBy;
		this.status = InvitationStatus.PENDING;
		this.invitedAt = now;
		this.lastSentAt = now;
	}

	/** Adds the offers not already on the invitation and returns those added. */
	List<InvitedRole> offer(Collection<RoleOffer> offers, long by, Instant now) {
		requirePending();
		List<InvitedRole> added = new ArrayList<>();
		for (RoleOffer offer : offers) {
			boolean known = this.roles.stream().anyMatch((role) -> role.isFor(offer.role(), offer.areaId()));
			if (!known) {
				InvitedRole role = new InvitedRole(offer.role(), offer.areaId(), by, now);
				this.roles.add(role);
				added.add(role);
			}
		}
		return added;
	}

	/**
	 * The moment the next reminder may be sent (X4): at once until the first reminder.
	 */
	public Instant nextReminderAt(Duration interval) {
		return (this.lastRemindedAt != null) ? this.lastRemindedAt.plus(interval) : this.invitedAt;
	}

	/**
	 * Records that an email with a fresh link goes out now; refused within the interval.
	 */
	void remind(Instant now, Duration interval) {
		requirePending();
		if (now.isBefore(nextReminderAt(interval))) {
			throw new ReminderTooSoonException(nextReminderAt(interval));
		}
		this.remindersSent++;
		this.lastRemindedAt = now;
		this.lastSentAt = now;
	}

	/** Records that the invitation email (first or extended) goes out now. */
	void markSent(Instant now) {
		requirePending();
		this.lastSentAt = now;
	}

	/**
	 * A new link; every earlier link stops working because only the newest one counts.
	 */
	void issueLink(byte[] tokenSha256, Instant now, Duration validity) {
		requirePending();
		this.links.add(new InvitationLink(tokenSha256, now, now.plus(validity)));
	}

	/**
	 * Removes the roles with the given ids among those the predicate allows (the caller's
	 * scope) and cancels the invitation when none remain anywhere. Returns the removed
	 * roles.
	 */
	List<InvitedRole> removeRoles(Collection<Long> roleIds, Predicate<InvitedRole> allowed, Instant now) {
		requirePending();
		List<InvitedRole> removed = this.roles.stream()
			.filter((role) -> roleIds.contains(role.getId()) && allowed.test(role))
			.toList();
		this.roles.removeAll(removed);
		if (this.roles.isEmpty()) {
			this.status = InvitationStatus.CANCELLED;
			this.endedAt = now;
		}
		return removed;
	}

	/** The link with this token hash, if it was issued for this invitation. */
	java.util.Optional<InvitationLink> linkWith(byte[] tokenSha256) {
		return this.links.stream().filter((link) -> link.hasTokenHash(tokenSha256)).findFirst();
	}

	/** Only the newest link of a pending invitation works, and only until it expires. */
	LinkStatus statusOf(InvitationLink link, Instant now) {
		if (this.status == InvitationStatus.ACCEPTED) {
			return LinkStatus.ACCEPTED;
		}
		if (this.status == InvitationStatus.CANCELLED) {
			return LinkStatus.CANCELLED;
		}
		if (link != currentLink()) {
			return LinkStatus.REPLACED;
		}
		return link.isExpired(now) ? LinkStatus.EXPIRED : LinkStatus.VALID;
	}

	/**
	 * The person set up their account from {@code link}, which must be valid now (I3).
	 */
	void accept(InvitationLink link, Instant now) {
		requirePending();
		if (statusOf(link, now) != LinkStatus.VALID) {
			throw new IllegalStateException("The link is " + statusOf(link, now));
		}
		this.status = InvitationStatus.ACCEPTED;
		this.endedAt = now;
		link.markUsed(now);
	}

	/**
	 * The invitee asks for a new link because theirs has expired: allowed for the newest
	 * link only.
	 */
	void requestNewLink(InvitationLink expired, Instant now) {
		if (statusOf(expired, now) != LinkStatus.EXPIRED) {
			throw new IllegalStateException("The link is " + statusOf(expired, now));
		}
		this.lastSentAt = now;
	}

	private void requirePending() {
		if (this.status != InvitationStatus.PENDING) {
			throw new InvitationEndedException(this.status);
		}
	}

	InvitationLink currentLink() {
		return this.links.get(this.links.size() - 1);
	}

	public Long getId() {
		return this.id;
	}

	public long getAccountId() {
		return this.accountId;
	}

	public InvitationStatus getStatus() {
		return this.status;
	}

	public boolean isPending() {
		return this.status == InvitationStatus.PENDING;
	}

	public Instant getInvitedAt() {
		return this.invitedAt;
	}

	public Long getInvitedBy() {
		return this.invitedBy;
	}

	public int getRemindersSent() {
		return this.remindersSent;
	}

	public Instant getLastSentAt() {
		return this.lastSentAt;
	}

	public long getVersion() {
		return this.version;
	}

	public List<InvitedRole> getRoles() {
		return List.copyOf(this.roles);
	}

	/** When the newest link stops working, if a link has been issued. */
	public Instant getLinkExpiresAt() {
		return this.links.isEmpty() ? null : currentLink().getExpiresAt();
	}

	/** A role offered in an area. */
	public record RoleOffer(Role role, long areaId) {

		public RoleOffer {
			if (role == null) {
				throw new IllegalArgumentException("role is required");
			}
		}

	}

}
