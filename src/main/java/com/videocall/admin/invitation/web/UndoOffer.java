package com.videocall.admin.invitation.web;

import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.RelativeTime;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Adds "Undo" to the banner of a removal (UN), saying until when it is possible; it posts
 * to {@link #URL} (the undo module's page) and comes back to the page that shows the
 * banner. Offered to the pages of other modules that remove roles (the worklist).
 */
@Component
@NamedInterface("actions")
public class UndoOffer {

	/** Where the banner's "Undo" posts, followed by the record's id. */
	public static final String URL = "/users/undo/";

	private final RelativeTime times;

	UndoOffer(RelativeTime times) {
		this.times = times;
	}

	public Banner on(Banner banner, RemovalOutcome outcome, String target) {
		return banner.withAction(URL + outcome.undoId(), "undo.action", target, "undo.until",
				this.times.dateTime(outcome.undoUntil()));
	}

}
