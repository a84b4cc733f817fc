package com.videocall.admin.invitation;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong with an Add Users request; nothing was saved. */
public class InviteeProblemsException extends RuntimeException {

	boolean empty;

	boolean tooMany;

	final List<String> malformed = new ArrayList<>();

	final List<String> unknownNames = new ArrayList<>();

	final List<String> ambiguousNames = new ArrayList<>();

	final List<String> disabled = new ArrayList<>();

	InviteeProblemsException() {
		super("The people to add could not all be read", null, false, false);
	}

	boolean any() {
		return this.empty || this.tooMany || !this.malformed.isEmpty() || !this.unknownNames.isEmpty()
				|| !this.ambiguousNames.isEmpty() || !this.disabled.isEmpty();
	}

	public boolean isEmpty() {
		return this.empty;
	}

	public boolean isTooMany() {
		return this.tooMany;
	}

	public List<String> malformed() {
		return List.copyOf(this.malformed);
	}

	public List<String> unknownNames() {
		return List.copyOf(this.unknownNames);
	}

	public List<String> ambiguousNames() {
		return List.copyOf(this.ambiguousNames);
	}

	public List<String> disabled() {
		return List.copyOf(this.disabled);
	}

}
