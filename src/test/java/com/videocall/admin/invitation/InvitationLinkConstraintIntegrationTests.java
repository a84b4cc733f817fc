package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.TestOrganisation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No invitation exists without a link, in the database too (V8): a transaction that would
 * leave one without is refused when it commits, and changes nothing. Inside the
 * transaction the invitation may come first and its link after, as the aggregate saves
 * them.
 */
@IntegrationTest
class InvitationLinkConstraintIntegrationTests {

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitees;

	@Autowired
	InvitationRecords records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void refusesToCommitAnInvitationWithoutALink() {
		String email = TestOrganisation.email("linkless");
		long invitee = this.organisation.invitee(email);

		assertRefusedAtCommit(() -> this.transactions.executeWithoutResult((status) -> {
			insertInvitation(invitee);
			assertThat(this.records.invitationsOf(email)).as("inserted; checked only at commit").isOne();
		}));

		assertThat(this.records.invitationsOf(email)).isZero();
	}

	@Test
	void commitsAnInvitationWhoseLinkFollowsInTheSameTransaction() {
		String email = TestOrganisation.email("linked");
		long invitee = this.organisation.invitee(email);

		this.transactions.executeWithoutResult((status) -> insertLink(insertInvitation(invitee)));

		assertThat(this.records.linkHashes(this.records.pendingFor(email))).hasSize(1);
	}

	@Test
	void refusesToCommitTheRemovalOfAnInvitationsLastLink() {
		Invitees.Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "last-link");
		long invitation = invitee.invitation();

		assertRefusedAtCommit(() -> this.transactions
			.executeWithoutResult((status) -> this.jdbc.sql("delete from invitation_link where invitation_id = ?")
				.param(invitation)
				.update()));

		assertThat(this.records.linkHashes(invitation)).hasSize(1);
	}

	@Test
	void commitsTheRemovalOfALinkWhenAnotherRemains() {
		Invitees.Invitee invitee = this.invitees.pendingFor(this.organisation.clinic(), "two-links");
		this.invitees.remind(invitee);
		long invitation = invitee.invitation();

		this.transactions.executeWithoutResult((status) -> this.jdbc
			.sql("delete from invitation_link where id = (select min(id) from invitation_link where invitation_id = ?)")
			.param(invitation)
			.update());

		assertThat(this.records.linkHashes(invitation)).hasSize(1);
	}

	private long insertInvitation(long invitee) {
		return this.jdbc.sql("""
				insert into invitation (account_id, status, invited_at, last_sent_at)
				values (?, 'PENDING', now(), now()) returning id
				""").param(invitee).query(Long.class).single();
	}

	private void insertLink(long invitation) {
		this.jdbc.sql("""
				insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
				values (?, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), now(), now() + interval '1 day')
				""").param(invitation).update();
	}

	/** The commit fails with PostgreSQL's check_violation naming the missing link. */
	private static void assertRefusedAtCommit(ThrowingCallable transaction) {
		assertThatThrownBy(transaction).rootCause()
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("has no link")
			.satisfies((cause) -> assertThat(((SQLException) cause).getSQLState()).isEqualTo("23514"));
	}

}
