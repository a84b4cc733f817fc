package com.videocall.admin.access;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.TimedRoleGrants.TimedGrant;
import com.videocall.admin.mail.MailTemplates;
import com.videocall.admin.mail.Outbox;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.RelativeTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes and queues the warning that a role's access ends (LC1): to the person "Your
 * access to [area] ends on [date].", to an administrator of the area "[Name]'s access to
 * [area] ends on [date].", in the caller's transaction (the outbox, X6).
 */
@Component
class AccessWarningEmails {

	/** The outbox topic of the warnings, followed by the grant's id. */
	static final String TOPIC = "access-warning:";

	private final MailTemplates templates;

	private final Outbox outbox;

	private final MessageSource messages;

	private final URI baseUrl;

	private final String zone;

	AccessWarningEmails(MailTemplates templates, Outbox outbox, MessageSource messages, AppProperties properties) {
		this.templates = templates;
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = properties.baseUrl();
		this.zone = properties.timeZone().getId();
	}

	void toPerson(TimedGrant grant, UserAccount person, Instant now) {
		String sentence = message("email.accessWarning.own.sentence", grant.areaName(), day(grant));
		queue(grant, person.getEmail(), sentence, true, "/", now);
	}

	void toAdministrator(TimedGrant grant, UserAccount person, UserAccount administrator, Instant now) {
		String sentence = message("email.accessWarning.other.sentence", person.getDisplayName(), grant.areaName(),
				day(grant));
		queue(grant, administrator.getEmail(), sentence, false, "/users/" + person.getId(), now);
	}

	private void queue(TimedGrant grant, String recipient, String sentence, boolean own, String path, Instant now) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("sentence", sentence);
		variables.put("role", message(grant.role().labelCode()));
		variables.put("zone", this.zone);
		variables.put("own", own);
		variables.put("link", UriComponentsBuilder.fromUri(this.baseUrl).path(path).build().toUriString());
		this.outbox.queue(this.templates.render("access-warning", recipient, sentence, variables), TOPIC + grant.id(),
				null, Set.of(), now);
	}

	private static String day(TimedGrant grant) {
		return RelativeTime.day(grant.accessUntil());
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
