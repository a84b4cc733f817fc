package com.videocall.admin.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

	/**
	 * What a removed email's subject, text and HTML say instead (LC3); also a delivery
	 * error that named the person.
	 */
	static final String REMOVED_SUBJECT = "(removed)";

	static final String REMOVED_TEXT = "Removed: personal data is kept only as long as needed.";

	static final String REMOVED_HTML = "<p>" + REMOVED_TEXT + "</p>";

	/**
	 * The emails of the given topics, each found on the index
	 * {@code outbound_email_topic}: parameters the removed subject, text, HTML and
	 * delivery error, then the topics, the placeholders, addresses and names.
	 */
	static final String REMOVE_PERSONAL_DATA = """
			update outbound_email o
			set recipient = case when lower(o.recipient) = lower(d.address) then d.placeholder else o.recipient end,
			    subject = case when strpos(lower(o.subject), lower(d.address)) > 0
			                     or strpos(lower(o.subject), lower(d.name)) > 0 then ? else o.subject end,
			    text_body = ?, html_body = ?, secrets = null,
			    last_error = case when strpos(lower(o.last_error), lower(d.address)) > 0 then ? else o.last_error end
			from unnest(?::text[], ?::text[], ?::text[], ?::text[]) d (topic, placeholder, address, name)
			where o.topic = d.topic
			""";

	/**
	 * Removes a person's data from the emails queued under a topic (LC3), which their
	 * module names as it named them when it queued them (topics stay opaque here): the
	 * texts go, the person's address as recipient becomes the placeholder, and a subject
	 * or delivery error that names them goes; other recipients, the status, the times and
	 * the attempts stay. Returns how many emails changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removePersonalData(List<PersonalData> people) {
		if (people.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql(REMOVE_PERSONAL_DATA)
			.params(REMOVED_SUBJECT, REMOVED_TEXT, REMOVED_HTML, REMOVED_SUBJECT,
					people.stream().map(PersonalData::topic).toArray(String[]::new),
					people.stream().map(PersonalData::placeholder).toArray(String[]::new),
					people.stream().map(PersonalData::address).toArray(String[]::new),
					people.stream().map(PersonalData::name).toArray(String[]::new))
			.update();
	}

	/**
	 * Removes the whole text of the emails under {@code topic} queued at one of the
	 * moments (within a millisecond, the precision both were written with) whose text
	 * names the address given with it (LC3): for emails that name several people who all
	 * fall due together. Returns how many emails changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removeTextsNaming(String topic, List<Mention> mentions) {
		if (mentions.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update outbound_email o
				set text_body = ?, html_body = ?
				from unnest(?::timestamptz[], ?::text[]) d (queued_at, address)
				where o.topic = ? and o.created_at between d.queued_at - interval '1 millisecond'
				                                      and d.queued_at + interval '1 millisecond'
				  and strpos(lower(o.text_body), lower(d.address)) > 0
				""")
			.params(REMOVED_TEXT, REMOVED_HTML,
					mentions.stream().map((mention) -> Timestamp.from(mention.queuedAt())).toArray(Timestamp[]::new),
					mentions.stream().map(Mention::address).toArray(String[]::new), topic)
			.update();
	}

	/**
	 * A person whose data goes from the emails under a topic: their address, replaced as
	 * recipient by {@code placeholder}, and their name (null: none).
	 */
	public record PersonalData(String topic, String address, String name, String placeholder) {
	}

	/** An email queued at a moment that names an address. */
	public record Mention(Instant queuedAt, String address) {
	}

	static EmailDelivery delivery(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new EmailDelivery(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString("last_error"));
	}

}
