package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * What happened to an invitation, as the {@link Invitation} announces it. Each event
 * carries what is done with it, so that nothing has to read the aggregate again: the
 * history ({@code HistoryRecorder}) and the emails ({@code InvitationMailer}), called by
 * {@code InvitationChanges} in the change's transaction; and, published when the
 * repository saves the invitation, what other listeners count (the metrics).
 */
public sealed interface InvitationEvent {

	long invitationId();

	Instant at();

	/** Events that email the invitee a new link. */
	sealed interface LinkSent extends InvitationEvent {

		long accountId();

		/**
		 * This event's id, by which the email it queues names it (the outbox reference
		 * {@code invitation-event:<reference>}) and the activity trail finds its entry
		 * again: random, so that the aggregate draws it without asking the database, and
		 * in a range of its own above the ids of the history written before the trail.
		 */
		long reference();

		/** A new {@link #reference()}. */
		static long newReference() {
			return ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 999_999_999_999_999_999L);
		}

		/** Every role the invitation offers now, which the email lists. */
		List<RoleOffer> offered();

		NewLink link();

	}

	/** A new invitation with its first roles and link (A2). */
	record InvitationSent(long invitationId, long accountId, long reference, Actor by, Instant at,
			List<RoleOffer> offered, String customMessage, NewLink link) implements LinkSent {
	}

	/** More roles on a pending invitation (A2), emailed with a new link. */
	record RolesOffered(long invitationId, long accountId, long reference, Actor by, Instant at, List<RoleOffer> added,
			List<RoleOffer> offered, String customMessage, NewLink link) implements LinkSent {
	}

	/**
	 * A reminder with a new link (M2); {@code forAreas} are the areas it was sent for,
	 * whose administrators read who sent it (X1, X3).
	 */
	record ReminderSent(long invitationId, long accountId, long reference, Actor by, Instant at, Set<Long> forAreas,
			List<RoleOffer> offered, NewLink link) implements LinkSent {
	}

	/** Roles taken back (M3). */
	record RolesRemoved(long invitationId, long accountId, Actor by, Instant at,
			List<RoleOffer> removed) implements InvitationEvent {
	}

	/**
	 * Change Roles (LC4): roles added and others removed in one step, which never ends
	 * the invitation; {@code offered} is every role it offers afterwards. When roles were
	 * added the invitee is emailed about them without a new link, so the link they have
	 * keeps working until {@code linkExpiresAt}; the email names this event by
	 * {@code reference}, as a {@link LinkSent}'s does.
	 */
	record RolesChanged(long invitationId, long accountId, long reference, Actor by, Instant at, List<RoleOffer> added,
			List<RoleOffer> removed, List<RoleOffer> offered, Instant linkExpiresAt) implements InvitationEvent {
	}

	/** The last roles were taken back, which ended the invitation (M4). */
	record InvitationCancelled(long invitationId, long accountId, Actor by, Instant at,
			List<RoleOffer> removed) implements InvitationEvent {
	}

	/**
	 * An administrator undid a removal (UN): the roles are offered again, and a cancelled
	 * invitation is pending again. No email: the invitee's newest link works again.
	 */
	record RemovalUndone(long invitationId, long accountId, Actor by, Instant at,
			List<RoleOffer> restored) implements InvitationEvent {
	}

	/**
	 * An administrator moved or cleared ({@code role}'s date null) the end of an invited
	 * role's access (LC1); {@code before} was its end (null: none). No email.
	 */
	record AccessEndChanged(long invitationId, long accountId, Actor by, Instant at, RoleOffer role,
			LocalDate before) implements InvitationEvent {
	}

	/** The invitee set up their account with these roles (I3). */
	record InvitationAccepted(long invitationId, long accountId, Instant at,
			List<RoleOffer> roles) implements InvitationEvent {
	}

	/**
	 * The person the invitation was sent to declined it (LC6): it offered these roles.
	 */
	record InvitationDeclined(long invitationId, long accountId, Instant at,
			List<RoleOffer> roles) implements InvitationEvent {
	}

	/**
	 * The invitation closed unaccepted (LC2) at {@code closedAt}, and was marked expired
	 * at {@code at} by the job; {@code roles} are those it offered then.
	 */
	record InvitationExpired(long invitationId, long accountId, Instant at, Instant closedAt,
			List<RoleOffer> roles) implements InvitationEvent {
	}

	/** The invitee asked for a new link because theirs had expired (I4). */
	record NewLinkRequested(long invitationId, long accountId, long reference, Long invitedBy, Instant at,
			List<RoleOffer> offered, NewLink link) implements LinkSent {
	}

}
