package com.videocall.admin.invitation;

/** Undo changed nothing, for this reason (UN). */
public class UndoRefusedException extends ActionRefusedException {

	/** Why nothing was undone. */
	public enum Reason {

		/**
		 * The invitation changed after the removal (another change, or invited again).
		 */
		CHANGED,
		/** The invitee accepted the invitation after the removal. */
		ACCEPTED,
		/** The invitee declined the invitation after the removal (LC6). */
		DECLINED,
		/** The window for Undo has passed. */
		EXPIRED,
		/** The removal was undone already (e.g. Undo sent twice). */
		ALREADY_UNDONE,
		/** Some removed roles are outside the administrator's scope. */
		OUTSIDE_SCOPE

	}

	private final Reason reason;

	public UndoRefusedException(Reason reason) {
		super("Undo refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
