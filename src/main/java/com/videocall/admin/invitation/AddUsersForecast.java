package com.videocall.admin.invitation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * What Add Users (A2) does for one person, decided without changing anything: the one
 * statement of its rule. {@link InvitationManagement#addUsers} decides every person
 * through {@link #outcome}, from the account, pending invitation and roles it loaded, and
 * then does what the outcome says; Import Users' preview (IM2) and its check at import
 * time (IM3) foresee the same outcome from {@link AddUsersForecasts}. A person is known
 * by their account's status (none: no account), whether they have an open pending
 * invitation (one past its close moment, LC2, is not open: Add Users ends it and invites
 * anew) and the roles it offers, and the roles they hold. The outcome looks at the
 * pending invitation of an invitee only and at the roles held by an active account only
 * ({@link #looksAtPending}, {@link #looksAtHeld}), so Add Users reads no more than these.
 * {@link #after} is the person once the roles were offered, so a file's later rows for
 * the same person are foreseen as they will happen.
 */
public record AddUsersForecast(AccountStatus status, boolean pending, Set<RoleOffer> offered, Set<RoleOffer> held) {

	/** What Add Users does for one person. */
	public enum Outcome {

		/**
		 * A new pending invitation (no account yet, or none open; one past its close
		 * moment ends first).
		 */
		INVITED,
		/** More roles on the pending invitation. */
		EXTENDED,
		/** An active account given the roles at once. */
		GRANTED,
		/** Every role was already held or offered. */
		UNCHANGED,
		/** A disabled account, which Add Users refuses. */
		DISABLED

	}

	public AddUsersForecast {
		offered = Set.copyOf(offered);
		held = Set.copyOf(held);
	}

	/** Someone without an account. */
	public static AddUsersForecast nobody() {
		return new AddUsersForecast(null, false, Set.of(), Set.of());
	}

	/**
	 * Whether the outcome for an account of this status depends on its open pending
	 * invitation: only an invitee's does.
	 */
	static boolean looksAtPending(AccountStatus status) {
		return status == AccountStatus.INVITED;
	}

	/**
	 * Whether the outcome for an account of this status depends on the roles it holds:
	 * only an active account's does.
	 */
	static boolean looksAtHeld(AccountStatus status) {
		return status == AccountStatus.ACTIVE;
	}

	public Outcome outcome(Collection<RoleOffer> offers) {
		if (this.status == null) {
			return Outcome.INVITED;
		}
		return switch (this.status) {
			case DISABLED -> Outcome.DISABLED;
			case ACTIVE -> this.held.containsAll(offers) ? Outcome.UNCHANGED : Outcome.GRANTED;
			case INVITED -> !this.pending ? Outcome.INVITED
					: this.offered.containsAll(offers) ? Outcome.UNCHANGED : Outcome.EXTENDED;
		};
	}

	/** The person after Add Users offered them {@code offers}. */
	public AddUsersForecast after(Collection<RoleOffer> offers) {
		Outcome outcome = outcome(offers);
		if (outcome == Outcome.DISABLED || outcome == Outcome.UNCHANGED) {
			return this;
		}
		if (outcome == Outcome.GRANTED) {
			return new AddUsersForecast(this.status, false, Set.of(), union(this.held, offers));
		}
		Set<RoleOffer> offered = (outcome == Outcome.INVITED) ? Set.copyOf(offers) : union(this.offered, offers);
		return new AddUsersForecast(AccountStatus.INVITED, true, offered, this.held);
	}

	private static Set<RoleOffer> union(Set<RoleOffer> some, Collection<RoleOffer> more) {
		Set<RoleOffer> all = new HashSet<>(some);
		all.addAll(more);
		return all;
	}

}
