package com.videocall.admin.invitation;

import java.time.Instant;
import java.util.List;

/**
 * The personal data of ended invitations was removed (LC3): their invitees' addresses,
 * names and custom messages, from the invitations' emails and, for people who never set
 * up their account, from the account. Published in the transaction that removed them.
 *
 * @param invitationIds the invitations, none twice
 * @param at when
 */
public record PersonalDataRemoved(List<Long> invitationIds, Instant at) {

	public PersonalDataRemoved {
		invitationIds = List.copyOf(invitationIds);
	}

}
