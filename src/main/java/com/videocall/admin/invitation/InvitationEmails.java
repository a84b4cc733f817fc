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
 * Writes the invitation, reminder and "roles given" emails (I1), and what the
 * administrators who invited hear back (LC5, LC6). Links are built from
 * {@code app.base-url}, never from the request.
 */
@Component
class InvitationEmails {

	/** Path of the page an emailed link opens; the token follows it. */
	static final String LINK_PATH = "/invitation/";

	/**
	 * Path, after the token, of the page where the person says the invitation is not for
	 * them (LC6).
	 */
	static final String DECLINE_PATH = "/decline";

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
		variables.put("declineLink", link(token) + DECLINE_PATH);
		variables.put("expiresAt", this.times.dateTime(expiresAt));
		variables.put("reminder", reminder);
		String subject = message(reminder ? "email.reminder.subject" : "email.invitation.subject");
		return this.templates.render("invitation", recipient, subject, variables);
	}

	/**
	 * Roles added to a pending invitation (LC4), without a link of its own: the invitee
	 * keeps using the newest link they were sent, which works until {@code expiresAt}
	 * (or, once {@code expired}, asks for a new one from it).
	 */
	OutgoingEmail rolesAdded(String recipient, String inviter, Collection<Invitation.RoleOffer> roles,
			Instant expiresAt, boolean expired) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("inviter", (inviter != null) ? inviter : message("email.someone"));
		variables.put("roles", describe(roles));
		variables.put("customMessage", null);
		variables.put("expiresAt", this.times.dateTime(expiresAt));
		variables.put("expired", expired);
		return this.templates.render("roles-added", recipient, message("email.rolesAdded.subject"), variables);
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

	/**
	 * "[Name] has set up their account." to an administrator who invited them, naming
	 * only the roles that administrator offered and still administers (LC5).
	 */
	OutgoingEmail setUpNotice(String recipient, String name, Collection<Invitation.RoleOffer> roles) {
		return inviterNotice(recipient, "email.inviter.setUp.subject", message("email.inviter.setUp.text", name), roles,
				message("email.inviter.setUp.optOut"),
				UriComponentsBuilder.fromUri(this.baseUrl).path("/security").build().toUriString());
	}

	/**
	 * "[email] declined the invitation: the address may be wrong." to an administrator
	 * who invited them, naming only the roles that administrator offered and still
	 * administers (LC6).
	 */
	OutgoingEmail declinedNotice(String recipient, String email, Collection<Invitation.RoleOffer> roles) {
		return inviterNotice(recipient, "email.inviter.declined.subject", message("email.inviter.declined.text", email),
				roles, message("email.inviter.declined.next"), null);
	}

	private OutgoingEmail inviterNotice(String recipient, String subjectCode, String headline,
			Collection<Invitation.RoleOffer> roles, String next, String link) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("headline", headline);
		variables.put("roles", describe(roles));
		variables.put("next", next);
		variables.put("link", link);
		return this.templates.render("inviter-notice", recipient, message(subjectCode), variables);
	}

	/**
	 * Tells an administrator which of the invitations they sent expired (LC2): each
	 * invitee and the areas named for that administrator (those in their scope), and when
	 * it closed, so that an email sent late is still right.
	 */
	OutgoingEmail invitationsExpired(String recipient, List<ExpiredInvitation> invitations) {
		Map<Long, String> names = this.areaNames
			.of(invitations.stream().flatMap((expired) -> expired.areaIds().stream()).distinct().toList());
		List<ExpiredLine> lines = invitations.stream()
			.map((expired) -> new ExpiredLine(expired.person(),
					String.join(", ", expired.areaIds().stream().map(names::get).sorted().toList()),
					this.times.dateTime(expired.closedAt())))
			.toList();
		return this.templates.render("invitations-expired", recipient, message("email.invitationsExpired.subject"),
				Map.of("invitations", lines));
	}

	/** An expired invitation as one administrator is told of it. */
	record ExpiredInvitation(String person, List<Long> areaIds, Instant closedAt) {
	}

	/** One line of that email, as the template shows it. */
	public record ExpiredLine(String person, String areas, String closedOn) {
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
