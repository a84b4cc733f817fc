package com.videocall.admin.invitation.web;

import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.RelativeTime;

import org.springframework.stereotype.Component;

/**
 * Adds "Undo" to the banner of a removal (UN), saying until when it is possible; it posts
 * to {@link UndoController} and comes back to the page that shows the banner.
 */
@Component
class UndoOffer {

	private final RelativeTime times;

	UndoOffer(RelativeTime times) {
		this.times = times;
	}

	Banner on(Banner banner, RemovalOutcome outcome, String target) {
		return banner.withAction(UndoController.URL + outcome.undoId(), "undo.action", target, "undo.until",
				this.times.dateTime(outcome.undoUntil()));
	}

}
