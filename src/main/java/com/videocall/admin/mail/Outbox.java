package com.videocall.admin.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.support.SqlArrayValue;
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

	private final String messageIdDomain;

	Outbox(JdbcClient jdbc, MailProperties properties) {
		this.jdbc = jdbc;
		this.messageIdDomain = properties.senderDomain();
	}

	/**
	 * Queues an email. {@code topic} (what it is about) and {@code reference} (the action
	 * that queued it) are the queuing module's own names, stored for its own statements
	 * to read emails by, and never read here. {@code secrets} are the parts of the text
	 * only the recipient may read, such as a link's token: the stored copy loses them
	 * once the email has left the outbox for good. Its Message-ID is chosen now and kept
	 * for every delivery attempt. It is queued {@code at} the moment of the change that
	 * causes it, and due from then.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(OutgoingEmail email, String topic, String reference, Collection<String> secrets, Instant at) {
		if (secrets.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("A secret is never blank");
		}
		Timestamp now = Timestamp.from(at);
		this.jdbc.sql("""
				insert into outbound_email (topic, reference, secrets, message_id, recipient, subject, text_body,
				                            html_body, status, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
				""")
			.params(topic, reference, new SqlArrayValue("text", secrets.toArray()),
					"<" + UUID.randomUUID() + "@" + this.messageIdDomain + ">", email.recipient(), email.subject(),
					email.textBody(), email.htmlBody(), now, now)
			.update();
	}

	static EmailDelivery delivery(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new EmailDelivery(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString("last_error"));
	}

}
