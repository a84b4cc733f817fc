package com.videocall.admin.mail;

import java.util.List;

import com.videocall.admin.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every email in the outbox, newest first, for System Administrators ("Sent emails"). */
@Service
public class SentEmails {

	private final JdbcClient jdbc;

	SentEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<EmailDelivery> list(Pageable pageable) {
		List<EmailDelivery> rows = this.jdbc.sql("""
				select id, recipient, subject, status, attempts, created_at, sent_at, last_error
				from outbound_email order by created_at desc, id desc limit ? offset ?
				""").params(pageable.getPageSize(), pageable.getOffset()).query(Outbox::delivery).list();
		long total = this.jdbc.sql("select count(*) from outbound_email").query(Long.class).single();
		return new PageImpl<>(rows, pageable, total);
	}

	public OpenedEmail get(long id) {
		return this.jdbc.sql("""
				select id, recipient, subject, status, attempts, created_at, sent_at, last_error, text_body
				from outbound_email where id = ?
				""")
			.param(id)
			.query((rs, row) -> new OpenedEmail(Outbox.delivery(rs, row), rs.getString("text_body")))
			.optional()
			.orElseThrow(() -> new NotFoundException("email " + id));
	}

	/** One email with its text, as the recipient reads it. */
	public record OpenedEmail(EmailDelivery delivery, String textBody) {
	}

}
