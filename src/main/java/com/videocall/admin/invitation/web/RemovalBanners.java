package com.videocall.admin.invitation.web;

import java.util.function.Function;

import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;

/**
 * The banner after roles were removed: what went, and whether the invitation ended or
 * remains.
 */
final class RemovalBanners {

	private RemovalBanners() {
	}

	static Banner of(RemovalOutcome outcome, Function<RemovalOutcome, String> roleLabels) {
		Banner banner = Banner.of(Kind.SUCCESS, "roles.removed", roleLabels.apply(outcome), outcome.email());
		if (outcome.cancelled()) {
			return banner.and("invitation.cancelled", outcome.email());
		}
		if (outcome.remainsElsewhere()) {
			return banner.and("invitation.remainsElsewhere", outcome.email());
		}
		return banner;
	}

}
