package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.List;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.TestOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Autowired
	JdbcClient jdbc;

	/**
	 * The entry of the activity trail (the history) is written just before the change's
	 * transaction commits: a change rolled back leaves neither entry nor email, a change
	 * committed leaves both.
	 */
	@Test
	void writesTheHistoryAndQueuesTheEmailInTheTransactionOfTheChange() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "same-transaction");
		long invitation = invitee.invitation();
		long emails = this.records.emailsOf(invitation);
		List<byte[]> links = this.records.linkHashes(invitation);

		this.transactions.executeWithoutResult((status) -> {
			this.invitees.remind(invitee);

			assertThat(this.records.emailsOf(invitation)).isEqualTo(emails + 1);
			assertThat(this.records.linkHashes(invitation)).hasSize(links.size() + 1);
			status.setRollbackOnly();
		});

		assertThat(this.records.events(invitation, "REMINDER_SENT")).isZero();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails);
		assertThat(this.records.linkHashes(invitation)).hasSameSizeAs(links);

		this.invitees.remind(invitee);

		assertThat(this.records.events(invitation, "REMINDER_SENT")).isOne();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails + 1);
	}

	/**
	 * No action without its entry: when the entry cannot be written (here its id is taken
	 * by a row the test slipped in), the transaction fails at its commit and the
	 * reminder, its link and its email are gone with it.
	 */
	@Test
	void aChangeWhoseEntryCannotBeWrittenDoesNotHappen() {
		Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "entry-refused");
		long invitation = invitee.invitation();
		long emails = this.records.emailsOf(invitation);
		List<byte[]> links = this.records.linkHashes(invitation);

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				this.invitees.remind(invitee);
				long next = this.jdbc.sql("select nextval('activity_entry_id')").query(Long.class).single() + 1;
				this.jdbc.sql("""
						insert into activity_entry (id, occurred_at, kind, hash)
						values (?, now(), 'REMINDER_SENT', decode(repeat('00', 32), 'hex'))
						""").param(next).update();
			}));

		assertThat(this.records.events(invitation, "REMINDER_SENT")).isZero();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails);
		assertThat(this.records.linkHashes(invitation)).hasSameSizeAs(links);
	}

	/**
	 * The history and the worklist find an invitation's emails by the topic and reference
	 * this module tags them with: the SQL functions that build and read them back agree
	 * with the Java that queues them, and read nothing from a tag of another form.
	 */
	@Test
	void tagsEmailsAsTheDatabaseBuildsAndReadsThem() {
		assertThat(this.jdbc.sql("select invitation_topic(42), invitation_event_reference(7)")
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
			.single()).containsExactly(InvitationMailer.TOPIC + 42, InvitationMailer.REFERENCE + 7);
		for (String tag : List.of(InvitationMailer.TOPIC + 42, InvitationMailer.REFERENCE + 7, "invitation:",
				"invitation:4x2", "invitation:-1", "xinvitation:42", "invitation:42\n", "invitation-event:7:8",
				"invitation:" + "9".repeat(19))) {
			List<Long> read = this.jdbc.sql("select topic_invitation(?), reference_invitation_event(?)")
				.params(tag, tag)
				.query((rs, row) -> Arrays.asList(rs.getObject(1, Long.class), rs.getObject(2, Long.class)))
				.single();
			assertThat(read).as(tag)
				.containsExactly(tag.equals(InvitationMailer.TOPIC + 42) ? 42L : null,
						tag.equals(InvitationMailer.REFERENCE + 7) ? 7L : null);
		}
	}

}
