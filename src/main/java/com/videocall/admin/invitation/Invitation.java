package com.videocall.admin.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.InvitationEvent.AccessEndChanged;
import com.videocall.admin.invitation.InvitationEvent.InvitationAccepted;
import com.videocall.admin.invitation.InvitationEvent.InvitationCancelled;
import com.videocall.admin.invitation.InvitationEvent.InvitationDeclined;
import com.videocall.admin.invitation.InvitationEvent.InvitationExpired;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.LinkSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.RemovalUndone;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RolesChanged;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.invitation.InvitationEvent.RolesRemoved;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Persistable;

/**
 * A pending invitation, the roles it offers and the links emailed for it (the aggregate).
 * Its methods guard every transition: an ended invitation changes no more, a reminder
 * waits for the interval, every email carries a fresh link, and an invitation whose last
 * role is removed is cancelled. Each change is announced as an {@link InvitationEvent},
 * which {@link InvitationChanges} records and emails when it saves the invitation (and
 * the repository publishes).
 */
@Entity
@Table(name = "invitation")
public class Invitation implements Persistable<Long> {

	/**
	 * Taken from the table's sequence before the invitation is created
	 * ({@link InvitationRepository#nextId()}), so that its very first event can name it.
	 */
	@Id
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

	/**
	 * When it closes unless accepted (LC2): the lifetime after the last invitation or
	 * reminder an administrator sent. An automatic reminder or a new link the invitee
	 * asks for does not move it.
	 */
	@Column(nullable = false)
	private Instant closesAt;

	@Version
	private long version;

	// A role or link never moves to another invitation: its key is written by the insert
	// only (updatable = false spares an "update ... set invitation_id" after each insert,
	// and the triggers that update would fire).
	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invitation_id", nullable = false, updatable = false)
	@OrderBy("id")
	private List<InvitedRole> roles = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invitation_id", nullable = false, updatable = false)
	@OrderBy("id")
	private List<InvitationLink> links = new ArrayList<>();

	@Transient
	private final List<InvitationEvent> events = new ArrayList<>();

	@Transient
	private boolean isNew;

	protected Invitation() {
	}

	/**
	 * Invites the person to the roles offered and issues the first link: no invitation
	 * exists without one.
	 */
	static Invitation invite(long id, long accountId, Actor by, Collection<RoleOffer> offers, String customMessage,
			InvitationTokens tokens, Instant now) {
		Invitation invitation = new Invitation();
		invitation.id = id;
		invitation.isNew = true;
		invitation.accountId = accountId;
		invitation.invitedBy = by.accountId();
		invitation.status = InvitationStatus.PENDING;
		invitation.invitedAt = now;
		invitation.lastSentAt = now;
		invitation.closesAt = tokens.closesAt(now);
		if (invitation.add(offers, by, now).isEmpty()) {
			throw new IllegalArgumentException("An invitation offers at least one role");
		}
		NewLink link = invitation.issueLink(tokens, now);
		invitation.events.add(new InvitationSent(id, accountId, LinkSent.newReference(), by, now, invitation.offers(),
				customMessage, link));
		return invitation;
	}

	/**
	 * Offers the roles not already on the invitation, emailed with a new link; returns
	 * those added (none: nothing changes).
	 */
	List<RoleOffer> offer(Actor by, Collection<RoleOffer> offers, String customMessage, InvitationTokens tokens,
			Instant now) {
		requireOpen(now);
		List<RoleOffer> added = add(offers, by, now);
		if (!added.isEmpty()) {
			this.lastSentAt = now;
			this.closesAt = tokens.closesAt(now);
			NewLink link = issueLink(tokens, now);
			this.events.add(new RolesOffered(this.id, this.accountId, LinkSent.newReference(), by, now, added, offers(),
					customMessage, link));
		}
		return added;
	}

	/**
	 * The moment the next reminder may be sent (X4): at once until the first reminder.
	 */
	public Instant nextReminderAt(Duration interval) {
		return nextReminderAt(this.invitedAt, this.lastRemindedAt, interval);
	}

	/** The same for an invitation read without its aggregate. */
	static Instant nextReminderAt(Instant invitedAt, Instant lastRemindedAt, Duration interval) {
		return (lastRemindedAt != null) ? lastRemindedAt.plus(interval) : invitedAt;
	}

	/**
	 * Sends a reminder with a fresh link (M2); refused within the interval (X4).
	 * {@code forAreas} are the areas it is sent for (see {@link ReminderSent}).
	 */
	void remind(Actor by, Set<Long> forAreas, Duration interval, InvitationTokens tokens, Instant now) {
		requireOpen(now);
		if (now.isBefore(nextReminderAt(interval))) {
			throw new ReminderTooSoonException(nextReminderAt(interval));
		}
		this.remindersSent++;
		this.lastRemindedAt = now;
		this.lastSentAt = now;
		if (!by.isSystem()) {
			// Only an administrator's reminder keeps the invitation open longer (LC2).
			this.closesAt = tokens.closesAt(now);
		}
		NewLink link = issueLink(tokens, now);
		this.events.add(new ReminderSent(this.id, this.accountId, LinkSent.newReference(), by, now,
				Set.copyOf(forAreas), offers(), link));
	}

	/**
	 * Removes the given roles (role and area; those not offered are ignored) and cancels
	 * the invitation when none remain anywhere. Returns the roles removed.
	 */
	List<RoleOffer> removeRoles(Actor by, Collection<RoleOffer> which, Instant now) {
		requirePending();
		List<InvitedRole> removed = this.roles.stream().filter((role) -> which.contains(role.offer())).toList();
		if (removed.isEmpty()) {
			return List.of();
		}
		this.roles.removeAll(removed);
		List<RoleOffer> offers = removed.stream().map(InvitedRole::offer).toList();
		this.events.add(new RolesRemoved(this.id, this.accountId, by, now, offers));
		if (this.roles.isEmpty()) {
			this.status = InvitationStatus.CANCELLED;
			this.endedAt = now;
			this.events.add(new InvitationCancelled(this.id, this.accountId, by, now, offers));
		}
		return offers;
	}

	/**
	 * Change Roles (LC4): adds the roles of {@code toAdd} not already offered (nor named
	 * for removal), then removes the offered ones of {@code toRemove}, in one step that
	 * never cancels: a change that would leave no role is refused and changes nothing.
	 * The link stays as it is. Returns the event announced, or empty when nothing would
	 * change.
	 */
	Optional<RolesChanged> changeRoles(Actor by, Collection<RoleOffer> toAdd, Collection<RoleOffer> toRemove,
			Instant now) {
		requirePending();
		List<RoleOffer> adding = toAdd.stream()
			.distinct()
			.filter((offer) -> !offers().contains(offer) && !toRemove.contains(offer))
			.toList();
		List<InvitedRole> removing = this.roles.stream().filter((role) -> toRemove.contains(role.offer())).toList();
		if (adding.isEmpty() && removing.isEmpty()) {
			return Optional.empty();
		}
		if (adding.isEmpty() && removing.size() == this.roles.size()) {
			throw new NoRoleLeftException();
		}
		add(adding, by, now);
		this.roles.removeAll(removing);
		RolesChanged changed = new RolesChanged(this.id, this.accountId, LinkSent.newReference(), by, now, adding,
				removing.stream().map(InvitedRole::offer).toList(), offers(), getLinkExpiresAt());
		this.events.add(changed);
		return Optional.of(changed);
	}

	/**
	 * Ends the access of the roles whose last day is before {@code today} (LC1): the
	 * system removes them as an administrator would, so that an invitation left with no
	 * role is cancelled. Returns the roles removed.
	 */
	List<RoleOffer> endAccess(LocalDate today, Instant now) {
		List<RoleOffer> ended = this.roles.stream()
			.filter((role) -> role.getAccessUntil() != null && role.getAccessUntil().isBefore(today))
			.map(InvitedRole::offer)
			.toList();
		return ended.isEmpty() ? List.of() : removeRoles(Actor.system(null), ended, now);
	}

	/**
	 * Moves the end of one invited role's access to {@code until} (null: no end, LC1).
	 * Returns whether it changed: a role already ending then changes nothing.
	 */
	boolean changeAccessUntil(Actor by, long roleId, LocalDate until, Instant now) {
		requirePending();
		InvitedRole role = this.roles.stream()
			.filter((offered) -> Long.valueOf(roleId).equals(offered.getId()))
			.findFirst()
			.orElseThrow(NothingSelectedException::new);
		LocalDate before = role.getAccessUntil();
		if (Objects.equals(before, until)) {
			return false;
		}
		role.changeAccessUntil(until);
		this.events.add(new AccessEndChanged(this.id, this.accountId, by, now, role.offer(), before));
		return true;
	}

	/**
	 * Undo (UN): puts back the roles a removal took, offered by whom and when they were,
	 * provided nothing changed since that removal left the invitation at
	 * {@code versionAfter}. A cancelled invitation is pending again, so its newest link
	 * works again unless it has expired. Refused once the invitee accepted.
	 */
	void restore(Actor by, Collection<RemovedRole> removed, long versionAfter, Instant now) {
		if (this.status == InvitationStatus.ACCEPTED) {
			throw new UndoRefusedException(UndoRefusedException.Reason.ACCEPTED);
		}
		if (this.status == InvitationStatus.DECLINED) {
			throw new UndoRefusedException(UndoRefusedException.Reason.DECLINED);
		}
		if (this.status == InvitationStatus.EXPIRED) {
			throw new UndoRefusedException(UndoRefusedException.Reason.CHANGED);
		}
		if (this.version != versionAfter || removed.isEmpty()
				|| removed.stream().anyMatch((role) -> offers().contains(role.offer()))) {
			throw new UndoRefusedException(UndoRefusedException.Reason.CHANGED);
		}
		if (this.status == InvitationStatus.CANCELLED) {
			this.status = InvitationStatus.PENDING;
			this.endedAt = null;
		}
		for (RemovedRole role : removed) {
			this.roles.add(new InvitedRole(role.role(), role.areaId(), role.accessUntil(), role.invitedBy(),
					role.invitedAt()));
		}
		this.events.add(
				new RemovalUndone(this.id, this.accountId, by, now, removed.stream().map(RemovedRole::offer).toList()));
	}

	/** The link with this token hash, if it was issued for this invitation. */
	Optional<InvitationLink> linkWith(byte[] tokenSha256) {
		return this.links.stream().filter((link) -> link.hasTokenHash(tokenSha256)).findFirst();
	}

	/**
	 * Only the newest link of a pending invitation works, and only until it expires or
	 * the invitation closes: from its close moment on, before the job has marked it
	 * expired too (LC2).
	 */
	LinkStatus statusOf(InvitationLink link, Instant now) {
		if (this.status == InvitationStatus.ACCEPTED) {
			return LinkStatus.ACCEPTED;
		}
		if (this.status == InvitationStatus.CANCELLED) {
			return LinkStatus.CANCELLED;
		}
		if (this.status == InvitationStatus.DECLINED) {
			return LinkStatus.DECLINED;
		}
		if (this.status == InvitationStatus.EXPIRED || isDue(now)) {
			return LinkStatus.INVITATION_EXPIRED;
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
		requireValid(link, now);
		this.status = InvitationStatus.ACCEPTED;
		this.endedAt = now;
		link.markUsed(now);
		this.events.add(new InvitationAccepted(this.id, this.accountId, now, offers()));
	}

	/**
	 * The person the invitation was sent to says it is not for them (LC6), from
	 * {@code link}, which must be valid now: the invitation ends as declined, and none of
	 * its links works any more.
	 */
	void decline(InvitationLink link, Instant now) {
		requireValid(link, now);
		this.status = InvitationStatus.DECLINED;
		this.endedAt = now;
		this.events.add(new InvitationDeclined(this.id, this.accountId, now, offers()));
	}

	/**
	 * The invitee asks for a new link because theirs has expired: allowed for the newest
	 * link only (I4).
	 */
	void requestNewLink(InvitationLink expired, InvitationTokens tokens, Instant now) {
		if (statusOf(expired, now) != LinkStatus.EXPIRED) {
			throw new IllegalStateException("The link is " + statusOf(expired, now));
		}
		this.lastSentAt = now;
		NewLink link = issueLink(tokens, now);
		this.events.add(new NewLinkRequested(this.id, this.accountId, LinkSent.newReference(), this.invitedBy, now,
				offers(), link));
	}

	/**
	 * Whether the pending invitation has reached its close moment (LC2): it can no longer
	 * be accepted or reminded, and the job ends it as expired.
	 */
	public boolean isDue(Instant now) {
		return this.status == InvitationStatus.PENDING && !now.isBefore(this.closesAt);
	}

	/**
	 * Ends the invitation as expired (LC2), once it is due: its links stop working, and
	 * the administrators who invited its roles are told ({@link InvitationExpiry}).
	 */
	void expire(Instant now) {
		requirePending();
		if (!isDue(now)) {
			throw new IllegalStateException("Invitation " + this.id + " closes at " + this.closesAt);
		}
		this.status = InvitationStatus.EXPIRED;
		this.endedAt = now;
		this.events.add(new InvitationExpired(this.id, this.accountId, now, this.closesAt, offers()));
	}

	/** The newest link, the only one that works; there always is one. */
	InvitationLink currentLink() {
		return this.links.get(this.links.size() - 1);
	}

	private List<RoleOffer> add(Collection<RoleOffer> offers, Actor by, Instant now) {
		List<RoleOffer> added = new ArrayList<>();
		for (RoleOffer offer : offers) {
			if (this.roles.stream().noneMatch((role) -> role.offer().equals(offer))) {
				this.roles.add(new InvitedRole(offer.role(), offer.areaId(), offer.accessUntil(), by.accountId(), now));
				added.add(offer);
			}
		}
		return added;
	}

	/**
	 * A new link; every earlier link stops working because only the newest one counts. It
	 * works no longer than the invitation stays open, so that its email says when it
	 * really stops (an automatic reminder or a new link shortly before the close).
	 */
	private NewLink issueLink(InvitationTokens tokens, Instant now) {
		NewLink issued = tokens.issue(now);
		NewLink link = issued.expiresAt().isAfter(this.closesAt)
				? new NewLink(issued.token(), issued.sha256(), issued.createdAt(), this.closesAt) : issued;
		this.links.add(new InvitationLink(link.sha256(), link.createdAt(), link.expiresAt()));
		return link;
	}

	/** The roles offered. */
	List<RoleOffer> offers() {
		return this.roles.stream().map(InvitedRole::offer).toList();
	}

	/** The invitation is pending and {@code link} is its newest, unexpired one. */
	private void requireValid(InvitationLink link, Instant now) {
		requirePending();
		if (statusOf(link, now) != LinkStatus.VALID) {
			throw new IllegalStateException("The link is " + statusOf(link, now));
		}
	}

	private void requirePending() {
		if (this.status != InvitationStatus.PENDING) {
			throw new InvitationEndedException(this.status);
		}
	}

	/** Pending and not yet closed: nothing more can be sent once it is due (LC2). */
	private void requireOpen(Instant now) {
		requirePending();
		if (isDue(now)) {
			throw new InvitationEndedException(InvitationStatus.EXPIRED);
		}
	}

	/**
	 * What happened since the invitation was loaded, until the repository publishes it.
	 */
	@DomainEvents
	List<InvitationEvent> events() {
		return List.copyOf(this.events);
	}

	@AfterDomainEventPublication
	void clearEvents() {
		this.events.clear();
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostPersist
	@PostLoad
	void persisted() {
		this.isNew = false;
	}

	@Override
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

	public Instant getClosesAt() {
		return this.closesAt;
	}

	public long getVersion() {
		return this.version;
	}

	public List<InvitedRole> getRoles() {
		return List.copyOf(this.roles);
	}

	/** When the newest link stops working. */
	public Instant getLinkExpiresAt() {
		return currentLink().getExpiresAt();
	}

	/**
	 * A role offered in an area: also how a role of the invitation is named. It may carry
	 * the last day of its access ({@code accessUntil}, LC1; null: no end), which is what
	 * the offer says, not which offer it is: two offers of one role in one area are equal
	 * whatever their dates, so that a role is offered once and removed by its name.
	 */
	public record RoleOffer(Role role, long areaId, LocalDate accessUntil) {

		public RoleOffer {
			if (role == null) {
				throw new IllegalArgumentException("role is required");
			}
		}

		public RoleOffer(Role role, long areaId) {
			this(role, areaId, null);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RoleOffer offer && offer.role == this.role && offer.areaId == this.areaId;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.role, this.areaId);
		}

	}

}
