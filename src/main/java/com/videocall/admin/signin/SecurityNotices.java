package com.videocall.admin.signin;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.videocall.admin.mail.MailTemplates;
import com.videocall.admin.mail.Outbox;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails a person when their sign-in changed (SI3, SI4, SI9): a new password (changed, or
 * chosen through "Forgot your password?"), new recovery codes, a second factor reset by
 * an administrator. The email says what changed and what to do if it was not them; it
 * holds no link and no secret. Queued through the outbox like every email (X6).
 */
@Service
public class SecurityNotices {

	private final MailTemplates templates;

	private final Outbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	SecurityNotices(MailTemplates templates, Outbox outbox, MessageSource messages, Clock clock) {
		this.templates = templates;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	/** What changed, as the message key of one sentence ({@code security.notice.*}). */
	@Transactional
	public void tell(long accountId, String email, String change) {
		String subject = this.messages.getMessage("email.security.subject", null, LocaleContextHolder.getLocale());
		this.outbox.queue(
				this.templates.render("security-change", email, subject, Map.of("change", "security.notice." + change)),
				topic(accountId), "security:" + UUID.randomUUID(), List.of(), this.clock.instant());
	}

	/** The outbox topic of the emails about an account's sign-in. */
	static String topic(long accountId) {
		return "account:" + accountId;
	}

}
