package com.videocall.admin.invitation;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.directory.AreaNames;
import com.videocall.admin.mail.MailTemplates;
import com.videocall.admin.mail.OutgoingEmail;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.RelativeTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the invitation, reminder and "roles given" emails (I1). Links are built from
 * {@code app.base-url}, never from the request.
 */
@Component
class InvitationEmails {

	/** Path of the page an emailed link opens; the token follows it. */
	static final String LINK_PATH = "/invitation/";

	private final MailTemplates templates;

	private final MessageSource messages;

	private final AreaNames areaNames;

	private final RelativeTime times;

	private final URI baseUrl;

	InvitationEmails(MailTemplates templates, MessageSource messages, AreaNames areaNames, RelativeTime times,
			AppProperties properties) {
		this.templates = templates;
		this.messages = messages;
		this.areaNames = areaNames;
		this.times = times;
		this.baseUrl = properties.baseUrl();
	}

	OutgoingEmail invitation(String recipient, String inviter, Collection<Invitation.RoleOffer> roles,
			String customMessage, String token, Instant expiresAt, boolean reminder) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("inviter", (inviter != null) ? inviter : message("email.someone"));
		variables.put("roles", describe(roles));
		variables.put("customMessage", (customMessage != null && !customMessage.isBlank()) ? customMessage : null);
		variables.put("link", link(token));
		variables.put("expiresAt", this.times.dateTime(expiresAt));
		variables.put("reminder", reminder);
		String subject = message(reminder ? "email.reminder.subject" : "email.invitation.subject");
		return this.templates.render("invitation", recipient, subject, variables);
	}

	OutgoingEmail rolesGranted(String recipient, String inviter, Collection<Invitation.RoleOffer> roles,
			String customMessage) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("inviter", inviter);
		variables.put("roles", describe(roles));
		variables.put("customMessage", (customMessage != null && !customMessage.isBlank()) ? customMessage : null);
		variables.put("link", UriComponentsBuilder.fromUri(this.baseUrl).path("/sign-in").build().toUriString());
		return this.templates.render("roles-granted", recipient, message("email.rolesGranted.subject"), variables);
	}

	private String link(String token) {
		return UriComponentsBuilder.fromUri(this.baseUrl).path(LINK_PATH + token).build().toUriString();
	}

	/**
	 * "Service Provider in Northern Physiotherapy", one per role, with "until 28 Feb
	 * 2027" where its access ends (LC1).
	 */
	private List<String> describe(Collection<Invitation.RoleOffer> roles) {
		Map<Long, String> names = this.areaNames
			.of(roles.stream().map(Invitation.RoleOffer::areaId).distinct().toList());
		return roles.stream()
			.map((offer) -> (offer.accessUntil() != null)
					? message("role.inAreaUntil", message(offer.role().labelCode()), names.get(offer.areaId()),
							RelativeTime.day(offer.accessUntil()))
					: message("role.inArea", message(offer.role().labelCode()), names.get(offer.areaId())))
			.toList();
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
