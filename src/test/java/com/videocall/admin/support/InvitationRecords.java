package com.videocall.admin.support;

import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.mail.EmailStatus;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads invitations, their links, history and emails straight from the database, to check
 * what an action did (or did not do) beyond what the pages show.
 */
public class InvitationRecords {

	private final JdbcClient jdbc;

	public InvitationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The id of the pending invitation of {@code email}; the test fails when there is
	 * none.
	 */
	public long pendingFor(String email) {
		return this.jdbc
			.sql("select i.id from invitation i join account a on a.id = i.account_id "
					+ "where lower(a.email) = lower(?) and i.status = 'PENDING'")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** How many invitations, pending or ended, {@code email} has had. */
	public long invitationsOf(String email) {
		return this.jdbc
			.sql("select count(*) from invitation i join account a on a.id = i.account_id "
					+ "where lower(a.email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	public boolean accountExists(String email) {
		return this.jdbc.sql("select exists (select 1 from account where lower(email) = lower(?))")
			.param(email)
			.query(Boolean.class)
			.single();
	}

	public long version(long invitation) {
		return column(invitation, "version", Long.class);
	}

	public String status(long invitation) {
		return column(invitation, "status", String.class);
	}

	public int remindersSent(long invitation) {
		return column(invitation, "reminders_sent", Integer.class);
	}

	/** The roles the invitation still offers. */
	public List<RoleOffer> roles(long invitation) {
		return this.jdbc.sql("select role, area_id from invited_role where invitation_id = ? order by id")
			.param(invitation)
			.query((rs, row) -> new RoleOffer(Role.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
	}

	/**
	 * The ids of the roles the invitation still offers, in the order they were offered.
	 */
	public List<Long> roleIds(long invitation) {
		return this.jdbc.sql("select id from invited_role where invitation_id = ? order by id")
			.param(invitation)
			.query(Long.class)
			.list();
	}

	/** The roles an account holds, as {@link RoleOffer}s for easy comparison. */
	public List<RoleOffer> grantsOf(String email) {
		return this.jdbc
			.sql("select g.role, g.area_id from role_grant g join account a on a.id = g.account_id "
					+ "where lower(a.email) = lower(?) order by g.id")
			.param(email)
			.query((rs, row) -> new RoleOffer(Role.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
	}

	/** The SHA-256 of every link emailed for the invitation, oldest first. */
	public List<byte[]> linkHashes(long invitation) {
		return this.jdbc.sql("select token_sha256 from invitation_link where invitation_id = ? order by id")
			.param(invitation)
			.query(byte[].class)
			.list();
	}

	/**
	 * How many entries of the activity trail of the kind ({@code "REMINDER_SENT"}, ...)
	 * it has.
	 */
	public long events(long invitation, String type) {
		return this.jdbc.sql("select count(*) from activity_entry where invitation_id = ? and kind = ?")
			.params(invitation, type)
			.query(Long.class)
			.single();
	}

	/** How many emails the outbox holds for the invitation. */
	public long emailsOf(long invitation) {
		return this.jdbc.sql("select count(*) from outbound_email where topic = ?")
			.param("invitation:" + invitation)
			.query(Long.class)
			.single();
	}

	/** How many emails the outbox holds for the recipient, whatever they are about. */
	public long emailsTo(String recipient) {
		return this.jdbc.sql("select count(*) from outbound_email where lower(recipient) = lower(?)")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	/** The id of the invitation's newest email. */
	public long newestEmail(long invitation) {
		return this.jdbc.sql("select max(id) from outbound_email where topic = ?")
			.param("invitation:" + invitation)
			.query(Long.class)
			.single();
	}

	/**
	 * The link token of the invitation's newest email while it waits in the outbox, as it
	 * does without a mail server (delivery removes it).
	 */
	public String queuedLinkToken(long invitation) {
		return Invitees.tokenIn(this.jdbc.sql("select text_body from outbound_email where id = ?")
			.param(newestEmail(invitation))
			.query(String.class)
			.single());
	}

	/** The delivery state of every email to the recipient, oldest first. */
	public List<Delivery> deliveriesTo(String recipient) {
		return this.jdbc
			.sql("select status, attempts, last_error from outbound_email where lower(recipient) = lower(?) "
					+ "order by id")
			.param(recipient)
			.query((rs, row) -> new Delivery(EmailStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)))
			.list();
	}

	/** Every email to the recipient as the outbox stores it, oldest first. */
	public List<StoredEmail> storedEmailsTo(String recipient) {
		return this.jdbc
			.sql("select status, text_body, html_body from outbound_email where lower(recipient) = lower(?) "
					+ "order by id")
			.param(recipient)
			.query((rs, row) -> new StoredEmail(EmailStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	private <T> T column(long invitation, String column, Class<T> type) {
		return this.jdbc.sql("select " + column + " from invitation where id = ?")
			.param(invitation)
			.query(type)
			.single();
	}

	/** An email's state and bodies as the outbox stores them. */
	public record StoredEmail(EmailStatus status, String textBody, String htmlBody) {
	}

	/** What happened to one email in the outbox. */
	public record Delivery(EmailStatus status, int attempts, String lastError) {
	}

}
