package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an invitation announces is written by its listeners inside the transaction of the
 * change (X6): the history entry and the email exist as soon as the change does, and a
 * change rolled back leaves neither.
 */
@IntegrationTest
class InvitationEventsIntegrationTests {

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	InvitationRecords records;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void writesTheHistoryAndQueuesTheEmailInTheTransactionOfTheChange() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "same-transaction");
		long invitation = invitee.invitation();
		long emails = this.records.emailsOf(invitation);
		List<byte[]> links = this.records.linkHashes(invitation);

		this.transactions.executeWithoutResult((status) -> {
			this.invitees.remind(invitee);

			assertThat(this.records.events(invitation, "REMINDER_SENT")).isOne();
			assertThat(this.records.emailsOf(invitation)).isEqualTo(emails + 1);
			assertThat(this.records.linkHashes(invitation)).hasSize(links.size() + 1);
			status.setRollbackOnly();
		});

		assertThat(this.records.events(invitation, "REMINDER_SENT")).isZero();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails);
		assertThat(this.records.linkHashes(invitation)).hasSameSizeAs(links);
	}

}
