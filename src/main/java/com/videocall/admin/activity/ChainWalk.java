package com.videocall.admin.activity;

import java.time.Instant;
import java.util.function.Consumer;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import com.videocall.admin.activity.StoredEntries.Stored;

/**
 * One pass of the integrity check over the chain (AC5), entry by entry in id order from
 * where it starts (the newest checkpoint, or the start of the trail). Each entry's stored
 * hash must be that of its content after the hash before it, which shows an entry
 * changed, or one removed or inserted before it; and the entry up to which the last check
 * without a problem found the chain whole must still be there with the same hash, which
 * shows the newest entries removed, or the whole chain up to them written anew. The first
 * problem is where the chain breaks; the entries after it are only counted.
 */
final class ChainWalk implements Consumer<StoredEntries.Stored> {

	private final Mark start;

	private final Mark lastFoundWhole;

	private final Instant lastFoundWholeAt;

	private Mark whole;

	private long read;

	private Long brokenAt;

	private String problem;

	/**
	 * @param start where the chain starts: the newest checkpoint, or {@link Mark#START}
	 * @param lastFoundWhole the newest entry the last check without a problem found whole
	 * (null: none), found by that check at {@code lastFoundWholeAt}
	 */
	ChainWalk(Mark start, Mark lastFoundWhole, Instant lastFoundWholeAt) {
		this.start = start;
		this.lastFoundWhole = lastFoundWhole;
		this.lastFoundWholeAt = (lastFoundWholeAt != null) ? lastFoundWholeAt.truncatedTo(ChronoUnit.SECONDS) : null;
		this.whole = start;
	}

	@Override
	public void accept(Stored entry) {
		this.read++;
		if (this.brokenAt != null) {
			return;
		}
		if (expected() && this.lastFoundWhole.entryId() < entry.id()) {
			gone();
		}
		else if (!Arrays.equals(entry.hash(), entry.expectedHash(this.whole.hash()))) {
			broken(entry.id(), "its hash does not follow " + after() + ", so it was changed, or an entry before it "
					+ "was removed or inserted" + missing(entry.id()));
		}
		else if (expected() && this.lastFoundWhole.entryId() == entry.id()
				&& !Arrays.equals(entry.hash(), this.lastFoundWhole.hash())) {
			broken(entry.id(), "its hash is not the one the check of " + this.lastFoundWholeAt
					+ " found, so the trail up to it was written anew");
		}
		else {
			this.whole = new Mark(entry.id(), entry.hash());
		}
	}

	/** What the walk found, once every entry has been read. */
	Result end() {
		if (this.brokenAt == null && expected()) {
			gone();
		}
		return new Result(this.read, this.brokenAt, this.problem, (this.whole != Mark.START) ? this.whole : null);
	}

	/** Whether the entry the last check found whole is still to come. */
	private boolean expected() {
		return this.lastFoundWhole != null && this.lastFoundWhole.entryId() > this.whole.entryId();
	}

	private void gone() {
		broken(this.lastFoundWhole.entryId(),
				"it is gone, though the check of " + this.lastFoundWholeAt + " found the trail whole up to it");
	}

	private void broken(long entryId, String problem) {
		this.brokenAt = entryId;
		this.problem = problem;
	}

	private String after() {
		if (this.whole == Mark.START) {
			return "the start of the trail";
		}
		return ((this.whole == this.start) ? "the checkpoint after entry " : "entry ") + this.whole.entryId();
	}

	/** The ids between the entry and the one before it, which may have been removed. */
	private String missing(long entryId) {
		long first = this.whole.entryId() + 1;
		if (this.whole == Mark.START || first == entryId) {
			return "";
		}
		return (first == entryId - 1) ? "; there is no entry " + first
				: "; there are no entries " + first + " to " + (entryId - 1);
	}

	/**
	 * An entry of the chain and its hash; {@link #START} stands before the first entry
	 * ever written.
	 */
	record Mark(long entryId, byte[] hash) {

		static final Mark START = new Mark(0, ActivityChain.START);

	}

	/**
	 * What a walk found: the entries read, the entry where the chain breaks (null: it is
	 * whole) and why, and the newest entry up to which it is whole (null: none).
	 */
	record Result(long entriesRead, Long brokenAt, String problem, Mark whole) {
	}

}
