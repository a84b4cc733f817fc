package com.videocall.admin.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.videocall.admin.directory.Role;

/**
 * What an invitation link's page shows: its status and, while valid, the roles on offer
 * now.
 */
public record LinkView(LinkStatus status, String email, List<Offered> rolesOnOffer, Instant expiresAt) {

	/**
	 * A role on offer and the name of its area, with the last day of its access (null: no
	 * end).
	 */
	public record Offered(Role role, String areaName, LocalDate accessUntil) {
	}

}
