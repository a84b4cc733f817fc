package com.videocall.admin.onboarding;

import java.util.List;

import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * A row and what it does: an outcome, with the roles Add Users would offer, or a problem
 * (no offers).
 */
record RowPlan(ImportRow row, RowOutcome outcome, List<RoleOffer> offers) {

	static RowPlan problem(ImportRow row, RowOutcome problem) {
		return new RowPlan(row, problem, List.of());
	}

}
