package com.videocall.admin.mail;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every email in the outbox, newest first, for System Administrators ("Sent Emails").
 * Their text, with its working links, is shown only while no mail server is configured
 * (the demo, where this page is the only way to follow a link); once emails are
 * delivered, a link belongs to its recipient alone and the page shows only what happened
 * to each email.
 */
@Service
public class SentEmails {

	private final JdbcClient jdbc;

	private final boolean textShown;

	SentEmails(JdbcClient jdbc, ObjectProvider<OutboxDispatcher> dispatcher) {
		this.jdbc = jdbc;
		this.textShown = dispatcher.getIfAvailable() == null;
	}

	public Page<EmailDelivery> list(Pageable pageable) {
		List<EmailDelivery> rows = this.jdbc.sql("""
				select id, recipient, subject, status, attempts, created_at, sent_at, last_error
				from outbound_email order by created_at desc, id desc limit ? offset ?
				""").params(pageable.getPageSize(), pageable.getOffset()).query(Outbox::delivery).list();
		long total = this.jdbc.sql("select count(*) from outbound_email").query(Long.class).single();
		return new PageImpl<>(rows, pageable, total);
	}

	/** One email; its text only while no mail server is configured. */
	public OpenedEmail get(long id) {
		return this.jdbc.sql("""
				select id, recipient, subject, status, attempts, created_at, sent_at, last_error, message_id,
				       case when ? then text_body end as text_body
				from outbound_email where id = ?
				""")
			.params(this.textShown, id)
			.query((rs, row) -> new OpenedEmail(Outbox.delivery(rs, row), rs.getString("message_id"),
					rs.getString("text_body")))
			.optional()
			.orElseThrow(() -> new EmailNotFoundException("email " + id));
	}

	/** Whether the page shows the emails' text: only without a mail server. */
	public boolean textShown() {
		return this.textShown;
	}

	/**
	 * One email with its Message-ID and, without a mail server, its text as the recipient
	 * reads it ({@code null} otherwise).
	 */
	public record OpenedEmail(EmailDelivery delivery, String messageId, String textBody) {
	}

}
