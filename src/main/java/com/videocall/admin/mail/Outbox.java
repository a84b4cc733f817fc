package com.videocall.admin.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues emails in the caller's transaction, so an email exists exactly when the state
 * change that causes it commits.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String messageIdDomain;

	Outbox(JdbcClient jdbc, Clock clock, MailProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messageIdDomain = properties.senderDomain();
	}

	/**
	 * Queues an email; {@code invitationEventId} is the history entry of the action that
	 * causes it, which decides who sees it next to its invitation. Its Message-ID is
	 * chosen now and kept for every delivery attempt.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(OutgoingEmail email, Long invitationId, Long invitationEventId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into outbound_email (invitation_id, invitation_event_id, message_id, recipient, subject,
				                            text_body, html_body, status, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
				""")
			.params(invitationId, invitationEventId, "<" + UUID.randomUUID() + "@" + this.messageIdDomain + ">",
					email.recipient(), email.subject(), email.textBody(), email.htmlBody(), now, now)
			.update();
	}

	/**
	 * The emails of one invitation queued by the given history entries, newest first.
	 */
	public List<EmailDelivery> deliveriesOf(long invitationId, Collection<Long> invitationEventIds) {
		return this.jdbc.sql("""
				select id, recipient, subject, status, attempts, created_at, sent_at, last_error
				from outbound_email where invitation_id = ? and invitation_event_id = any(?)
				order by created_at desc, id desc
				""").params(invitationId, invitationEventIds.toArray(Long[]::new)).query(Outbox::delivery).list();
	}

	static EmailDelivery delivery(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new EmailDelivery(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString("last_error"));
	}

}
