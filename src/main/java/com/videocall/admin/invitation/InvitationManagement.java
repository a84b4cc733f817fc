package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.RoleGrants;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.RemovalRecords.Opened;
import com.videocall.admin.invitation.RemovalRecords.Removal;
import com.videocall.admin.reminders.ReminderProperties;
import com.videocall.admin.reminders.ReminderSchedules;
import com.videocall.admin.reminders.ReminderSender;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' use cases on invitations: Add Users (A2), Send Reminder (M2),
 * removing roles (M3, M4), changing roles (LC4) and cancelling an area's roles (O3). Each
 * acts only on roles inside the administrator's scope and saves the invitation it changed
 * through {@link InvitationChanges}, which writes its history and queues its emails in
 * the same transaction. Add Users decides what it does for each person through
 * {@link AddUsersForecast}, the rule Import Users' preview foresees it by, and then does
 * it.
 */
@Service
public class InvitationManagement implements ReminderSender {

	private final InvitationRepository invitations;

	private final InvitationAccess access;

	private final AccountManagement accounts;

	private final RoleGrants roleGrants;

	private final Invitees invitees;

	private final InvitationTokens tokens;

	private final InvitationChanges changes;

	private final InvitationMailer mailer;

	private final InvitationProperties properties;

	private final RemovalRecords removals;

	private final ReminderProperties reminders;

	private final Clock clock;

	private final ReminderSchedules schedules;

	private final ApplicationEventPublisher events;

	private final InvitationExpiry expiry;

	private final AddUsersForecasts forecasts;

	InvitationManagement(InvitationRepository invitations, InvitationAccess access, AccountManagement accounts,
			RoleGrants roleGrants, Invitees invitees, InvitationTokens tokens, InvitationChanges changes,
			InvitationMailer mailer, InvitationProperties properties, RemovalRecords removals, Clock clock,
			ReminderProperties reminders, ReminderSchedules schedules, ApplicationEventPublisher events,
			InvitationExpiry expiry, AddUsersForecasts forecasts) {
		this.expiry = expiry;
		this.forecasts = forecasts;
		this.removals = removals;
		this.events = events;
		this.reminders = reminders;
		this.schedules = schedules;
		this.invitations = invitations;
		this.access = access;
		this.accounts = accounts;
		this.roleGrants = roleGrants;
		this.invitees = invitees;
		this.tokens = tokens;
		this.changes = changes;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Offers the roles of one area to everyone listed; all or nothing. The caller has
	 * checked that the area is in scope and that the roles belong to it.
	 */
	@Transactional
	public AddUsersOutcome addUsers(AdministratorScope scope, AccountUser actor, Collection<RoleOffer> offers,
			String recipients, String customMessage, String sourcePage) {
		return addUsers(scope, Actor.of(actor, sourcePage), offers, recipients, customMessage, this.clock.instant());
	}

	/**
	 * Add Users as done by {@code by} at the moment {@code now}: the history, the links
	 * and the emails all carry that time. The demo organisation plants its past
	 * invitations this way.
	 * <p>
	 * First every person is read and decided, without writing: their account, an
	 * invitee's pending invitation (loaded for change) and an active account's roles,
	 * from which {@link AddUsersForecast#outcome} decides, the one statement of the rule.
	 * A disabled account refuses the whole Add Users ({@link InviteeProblemsException}).
	 * Then each person gets what their outcome says: a new invitation (after ending an
	 * invitee's pending invitation past its close moment, LC2), the roles added to the
	 * pending invitation, the roles granted, or nothing.
	 */
	@Transactional
	public AddUsersOutcome addUsers(AdministratorScope scope, Actor by, Collection<RoleOffer> offers, String recipients,
			String customMessage, Instant now) {
		List<Person> people = decide(this.invitees.resolve(recipients, scope), offers, now);
		refuseDisabled(people);
		AddUsersOutcome outcome = AddUsersOutcome.empty();
		for (Person person : people) {
			outcome.add(add(person, offers, by, customMessage, now), person.reported());
		}
		return outcome;
	}

	/**
	 * Send Reminder: emails a fresh link; the previous one stops working (M2, X4). From
	 * the page of the area {@code fromAreaId} (an area's "Resend Invitation"), or from
	 * the Manage Invitation dialog when it is null. The history keeps which areas it was
	 * sent for, so administrators of other areas do not read who sent it or from which
	 * page. Returns the invitee's email.
	 */
	@Transactional
	public String remind(AdministratorScope scope, AccountUser actor, long invitationId, long expectedVersion,
			String sourcePage, Long fromAreaId) {
		return remindInCallersTransaction(scope, actor, invitationId, expectedVersion, sourcePage, fromAreaId);
	}

	/**
	 * {@link #remind}, in the caller's transaction: a bulk action's, which rolls a
	 * refused row back to its savepoint (refusals are thrown before anything is written).
	 */
	public String remindInCallersTransaction(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, String sourcePage, Long fromAreaId) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		Set<Long> forAreas = (fromAreaId != null) ? Set.of(fromAreaId)
				: invitation.getRoles()
					.stream()
					.map(InvitedRole::getAreaId)
					.filter(scope::covers)
					.collect(Collectors.toSet());
		String email = this.accounts.get(invitation.getAccountId()).getEmail();
		invitation.remind(Actor.of(actor, sourcePage), forAreas, this.reminders.reminderInterval(), this.tokens,
				this.clock.instant());
		this.changes.save(invitation, email);
		return email;
	}

	/**
	 * Sends step {@code step} of the invitation's automatic reminders (AR2) through the
	 * same path as Send Reminder, with the system as actor: once, whichever instance
	 * calls it and however often. The invitation is locked, the step claimed in
	 * {@code automatic_reminder} (a primary key); a step or a later one already sent, an
	 * ended invitation, one past its close moment (LC2), an expired link or the reminder
	 * interval (X4) send nothing. Returns whether it sent.
	 */
	@Override
	@Transactional
	public boolean remindAutomatically(long invitationId, int step, Instant now) {
		Optional<Invitation> found = this.invitations.findForUpdate(invitationId);
		if (found.isEmpty() || !found.get().isPending()) {
			return false;
		}
		Invitation invitation = found.get();
		if (invitation.isDue(now) || !now.isBefore(invitation.getLinkExpiresAt())
				|| now.isBefore(invitation.nextReminderAt(this.reminders.reminderInterval()))
				|| !this.schedules.claim(invitationId, step, now)) {
			return false;
		}
		String inviter = (invitation.getInvitedBy() != null)
				? this.accounts.get(invitation.getInvitedBy()).getDisplayName() : null;
		invitation.remind(Actor.system(inviter), Set.of(), this.reminders.reminderInterval(), this.tokens, now);
		this.changes.save(invitation, this.accounts.get(invitation.getAccountId()).getEmail());
		return true;
	}

	/**
	 * Removes the chosen roles (the administrator's page names them by id) that are in
	 * scope (M3); cancels the invitation when none remain (M4).
	 */
	@Transactional
	public RemovalOutcome removeRoles(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, Set<Long> invitedRoleIds, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		return remove(scope, Actor.of(actor, sourcePage), invitation, (role) -> invitedRoleIds.contains(role.getId()),
				OptionalLong.empty());
	}

	/**
	 * Change Roles (LC4): adds roles in areas of the administrator's scope and removes
	 * invited roles in scope (the page names them by id) in one step, which never cancels
	 * the invitation. A removal or addition outside scope is "not found" (X1); a change
	 * that would leave no role in scope, or that changes nothing, is refused. The caller
	 * has checked that each role added belongs to its area's kind. The invitee is emailed
	 * only when roles were added, without a new link.
	 */
	@Transactional
	public RoleChangeOutcome changeRoles(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, Set<Long> removeIds, Collection<RoleOffer> add, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		List<InvitedRole> inScope = invitation.getRoles()
			.stream()
			.filter((role) -> scope.covers(role.getAreaId()))
			.toList();
		List<RoleOffer> remove = inScope.stream()
			.filter((role) -> removeIds.contains(role.getId()))
			.map(InvitedRole::offer)
			.toList();
		if (remove.size() != removeIds.size() || add.stream().anyMatch((offer) -> !scope.covers(offer.areaId()))) {
			throw new InvitationNotFoundException("role of invitation " + invitationId);
		}
		boolean adds = add.stream()
			.anyMatch((offer) -> !remove.contains(offer)
					&& invitation.getRoles().stream().noneMatch((role) -> role.offer().equals(offer)));
		if (!adds && !remove.isEmpty() && remove.size() == inScope.size()) {
			throw new NoRoleLeftException();
		}
		String email = this.accounts.get(invitation.getAccountId()).getEmail();
		InvitationEvent.RolesChanged changed = invitation
			.changeRoles(Actor.of(actor, sourcePage), add, remove, this.clock.instant())
			.orElseThrow(RolesUnchangedException::new);
		this.changes.save(invitation, email);
		return new RoleChangeOutcome(email, changed.added(), changed.removed());
	}

	/**
	 * Removes every role of one area from the invitation (O3, W3, R2 "Cancel
	 * Invitation").
	 */
	@Transactional
	public RemovalOutcome cancelForArea(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, long areaId, String sourcePage) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		return remove(scope, Actor.of(actor, sourcePage), invitation, (role) -> role.getAreaId() == areaId,
				OptionalLong.empty());
	}

	/**
	 * Puts back the roles one removal took (Undo, UN), as they were offered, without
	 * email, in the caller's transaction (the undo's, which the undo module runs).
	 * Refused ({@link UndoRefusedException}) when the invitation changed or was accepted
	 * since, or was invited again or set up from another invitation after it was
	 * cancelled. Returns the invitee's email.
	 */
	public String restore(Actor by, Removal removal, Instant now) {
		Invitation invitation = this.invitations.findWithRoles(removal.invitationId())
			.orElseThrow(() -> new UndoRefusedException(UndoRefusedException.Reason.CHANGED));
		UserAccount invitee = this.accounts.get(invitation.getAccountId());
		if (invitation.getStatus() == InvitationStatus.CANCELLED
				&& (this.invitations.findPendingForChange(invitation.getAccountId()).isPresent()
						|| invitee.getStatus() != AccountStatus.INVITED)) {
			// Invited again, or set up from another invitation, since the cancellation.
			throw new UndoRefusedException(UndoRefusedException.Reason.CHANGED);
		}
		invitation.restore(by, removal.roles(), removal.versionAfter(), now);
		this.changes.save(invitation, invitee.getEmail());
		return invitee.getEmail();
	}

	/**
	 * Removes every role in scope from the invitation, which cancels it unless roles of
	 * other areas remain (M4; P3 "Cancel Invitations" for each selected row). Returns
	 * what was removed, so that it can be put back: by one Undo for the whole bulk action
	 * when {@code undoId} names the record the first of its cancellations opened (UN).
	 * Runs in the caller's transaction, the bulk action's, which rolls a refused row back
	 * to its savepoint.
	 */
	public RemovalOutcome cancelInScope(AdministratorScope scope, AccountUser actor, long invitationId,
			long expectedVersion, String sourcePage, OptionalLong undoId) {
		Invitation invitation = this.access.forChange(scope, invitationId, expectedVersion);
		return remove(scope, Actor.of(actor, sourcePage), invitation, (role) -> true, undoId);
	}

	private RemovalOutcome remove(AdministratorScope scope, Actor by, Invitation invitation,
			Predicate<InvitedRole> chosen, OptionalLong undoId) {
		List<RemovedRole> taken = invitation.getRoles()
			.stream()
			.filter((role) -> chosen.test(role) && scope.covers(role.getAreaId()))
			.map(RemovedRole::of)
			.toList();
		Instant now = this.clock.instant();
		String email = this.accounts.get(invitation.getAccountId()).getEmail();
		List<RoleOffer> removed = invitation.removeRoles(by, taken.stream().map(RemovedRole::offer).toList(), now);
		if (removed.isEmpty()) {
			throw new NothingSelectedException();
		}
		this.changes.save(invitation, email);
		Removal removal = new Removal(invitation.getId(), invitation.getVersion(), taken);
		Opened undo = undoId.isPresent() ? this.removals.add(undoId.getAsLong(), by.accountId(), removal)
				: this.removals.open(by.accountId(), now, this.properties.undoWindow(), List.of(removal));
		boolean cancelled = !invitation.isPending();
		boolean remainsElsewhere = !cancelled
				&& invitation.getRoles().stream().noneMatch((role) -> scope.covers(role.getAreaId()));
		return new RemovalOutcome(email, removed, cancelled, remainsElsewhere, undo.id(), undo.until());
	}

	private void invite(UserAccount account, Collection<RoleOffer> offers, Actor by, String customMessage,
			Instant now) {
		this.changes.save(Invitation.invite(this.invitations.nextId(), account.getId(), by, offers, customMessage,
				this.tokens, now), account.getEmail());
	}

	/**
	 * Each person listed, in order, with what Add Users does for them: what
	 * {@link AddUsersForecast} looks at is read, and only that (an invitee's pending
	 * invitation, an active account's roles in one statement for all), then it decides.
	 */
	private List<Person> decide(List<String> emails, Collection<RoleOffer> offers, Instant now) {
		Map<String, Optional<UserAccount>> accounts = new LinkedHashMap<>();
		for (String email : emails) {
			accounts.put(email, this.accounts.findByEmail(email));
		}
		Map<Long, Set<RoleOffer>> held = this.forecasts.held(accounts.values()
			.stream()
			.flatMap(Optional::stream)
			.filter((account) -> AddUsersForecast.looksAtHeld(account.getStatus()))
			.map(UserAccount::getId)
			.toList());
		List<Person> people = new ArrayList<>();
		accounts.forEach((email, account) -> {
			Optional<Invitation> pending = account.filter((found) -> AddUsersForecast.looksAtPending(found.getStatus()))
				.flatMap((found) -> this.invitations.findPendingForChange(found.getId()));
			AddUsersForecast forecast = account.map((found) -> forecast(found, pending, held, now))
				.orElseGet(AddUsersForecast::nobody);
			people.add(new Person(email, account, pending, forecast.outcome(offers)));
		});
		return people;
	}

	/**
	 * The account as the rule sees it; a pending invitation past its close moment (LC2)
	 * is not open.
	 */
	private static AddUsersForecast forecast(UserAccount account, Optional<Invitation> pending,
			Map<Long, Set<RoleOffer>> held, Instant now) {
		Optional<Invitation> open = pending.filter((invitation) -> !invitation.isDue(now));
		return new AddUsersForecast(account.getStatus(), open.isPresent(),
				open.map((invitation) -> Set.copyOf(invitation.offers())).orElse(Set.of()),
				held.getOrDefault(account.getId(), Set.of()));
	}

	/**
	 * Does what the person's outcome says; returns what was done: the outcome, unless
	 * another transaction granted every role between the read and the grant (then nothing
	 * changed, as the grant found).
	 */
	private AddUsersForecast.Outcome add(Person person, Collection<RoleOffer> offers, Actor by, String customMessage,
			Instant now) {
		switch (person.outcome()) {
			case INVITED -> {
				// An invitee's pending invitation, if any, is past its close moment (or
				// the roles would have been offered on it): closed before the job ended
				// it (LC2), it ends now, and a new invitation follows.
				person.pending().ifPresent((due) -> this.expiry.expireNow(due, now));
				invite(person.account().orElseGet(() -> this.accounts.createInvited(person.email(), now)), offers, by,
						customMessage, now);
			}
			case EXTENDED -> {
				Invitation pending = person.pending().orElseThrow();
				pending.offer(by, offers, customMessage, this.tokens, now);
				this.changes.save(pending, person.reported());
			}
			case GRANTED -> {
				if (!grant(person.account().orElseThrow(), offers, by, customMessage, now)) {
					return AddUsersForecast.Outcome.UNCHANGED;
				}
			}
			case UNCHANGED -> {
				// Every role is held or offered already: nothing to write.
			}
			case DISABLED -> throw new IllegalStateException("refused before anything was written");
		}
		return person.outcome();
	}

	private boolean grant(UserAccount account, Collection<RoleOffer> offers, Actor by, String customMessage,
			Instant now) {
		List<RoleOffer> granted = offers.stream()
			.filter((offer) -> this.roleGrants.grant(account.getId(), offer.role(), offer.areaId(), offer.accessUntil(),
					now))
			.toList();
		if (!granted.isEmpty()) {
			RolesGranted roles = new RolesGranted(account.getId(), account.getEmail(), by, granted, customMessage, now);
			this.mailer.rolesGranted(roles);
			this.events.publishEvent(roles);
		}
		return !granted.isEmpty();
	}

	private static void refuseDisabled(List<Person> people) {
		List<String> disabled = people.stream()
			.filter((person) -> person.outcome() == AddUsersForecast.Outcome.DISABLED)
			.map(Person::email)
			.toList();
		if (!disabled.isEmpty()) {
			InviteeProblemsException problems = new InviteeProblemsException();
			problems.disabled.addAll(disabled);
			throw problems;
		}
	}

	/**
	 * One person of an Add Users: the email listed, their account (none yet: a new
	 * invitation creates it), an invitee's pending invitation, loaded for change (also
	 * one past its close moment, which the new invitation ends first), and the outcome.
	 */
	private record Person(String email, Optional<UserAccount> account, Optional<Invitation> pending,
			AddUsersForecast.Outcome outcome) {

		/** How the outcome names them: by their account's email, once they have one. */
		String reported() {
			return this.account.map(UserAccount::getEmail).orElse(this.email);
		}

	}

}
