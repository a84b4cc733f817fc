package com.videocall.admin.invitation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * What Add Users (A2) would do for one person, decided without changing anything: the
 * rule {@link InvitationManagement#addUsers} follows, for Import Users' preview (IM2) and
 * its check at import time (IM3). A person is known by their account's status (none: no
 * account), whether they have an open pending invitation and the roles it offers, and the
 * roles they hold. {@link #after} is the person once the roles were offered, so a file's
 * later rows for the same person are foreseen as they will happen.
 */
public record AddUsersForecast(AccountStatus status, boolean pending, Set<RoleOffer> offered, Set<RoleOffer> held) {

	/** What Add Users does for one person. */
	public enum Outcome {

		/** A new pending invitation (no account yet, or none open). */
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
