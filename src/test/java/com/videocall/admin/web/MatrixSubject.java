package com.videocall.admin.web;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.web.MatrixOrganisation.Actor;
import com.videocall.admin.web.MatrixOrganisation.Ids;
import com.videocall.admin.web.MatrixOrganisation.Invite;

/**
 * What one case's request names, looked up on first use: the ids of the case's kind for
 * its actor. A request that changes something acts on records made for it.
 */
final class MatrixSubject {

	private final MatrixOrganisation organisation;

	private final Actor actor;

	private final Ids ids;

	private final AreaKind kind;

	private final boolean acts;

	private Invite invitation;

	MatrixSubject(MatrixOrganisation organisation, Actor actor, Ids ids, AreaKind kind, boolean acts) {
		this.organisation = organisation;
		this.actor = actor;
		this.ids = ids;
		this.kind = kind;
		this.acts = acts;
	}

	AreaKind kind() {
		return this.kind;
	}

	long area() {
		return this.organisation.area(this.actor, this.ids, this.kind).orElseThrow(NotApplicable::new);
	}

	long account() {
		return this.organisation.account(this.actor, this.ids).orElseThrow(NotApplicable::new);
	}

	/** The parameters naming a role the account holds (LC1). */
	Object[] grant() {
		return this.organisation.grantOf(account());
	}

	Invite invitation() {
		if (this.invitation == null) {
			this.invitation = (this.ids == Ids.MISSING) ? missingInvitation()
					: this.organisation.invitation(area(), this.kind, this.acts);
		}
		return this.invitation;
	}

	/**
	 * The Undo of a removal of all roles from a new invitation in the case's area (UN);
	 * one outside scope is "not found" like a missing one.
	 */
	long undo() {
		return (this.ids == Ids.MISSING) ? this.organisation.missingId()
				: this.organisation.removedInvitation(area(), this.kind);
	}

	String token() {
		return switch (this.ids) {
			case IN_SCOPE -> this.organisation.token(this.acts);
			case MISSING -> this.organisation.missingToken();
			default -> throw new NotApplicable();
		};
	}

	long email() {
		return switch (this.ids) {
			case IN_SCOPE -> this.organisation.email();
			case MISSING -> this.organisation.missingId();
			default -> throw new NotApplicable();
		};
	}

	private Invite missingInvitation() {
		long missing = this.organisation.missingId();
		return new Invite(missing, 0, missing);
	}

	/** The actor has no record of the kind a case asks for. */
	static final class NotApplicable extends RuntimeException {

		NotApplicable() {
			super(null, null, false, false);
		}

	}

}
