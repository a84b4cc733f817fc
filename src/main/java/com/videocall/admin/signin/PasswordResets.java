package com.videocall.admin.signin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.mail.MailTemplates;
import com.videocall.admin.mail.OutgoingEmail;
import com.videocall.admin.mail.Outbox;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.RelativeTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Forgot your password?" (SI9): an emailed link that works once, for
 * {@code app.sign-in.password-reset.link-validity}, leading to "Choose a new password".
 * Only active accounts (set up, with a password) get one. Asking for a new link leaves
 * the earlier ones working until they expire (emails may arrive late or out of order, and
 * the person follows whichever they open; the requests throttle keeps them few); choosing
 * a new password, by a link or by "Change password", ends every link of the account.
 * Requests are throttled by the pages that take them, before they get here; signing the
 * account's sessions out after a reset is the page's too, once the new password is
 * committed.
 */
@Service
public class PasswordResets {

	/** Where an emailed link leads; the token follows. */
	public static final String LINK_PATH = "/password-reset/";

	/** No email address holds a control character, and PostgreSQL refuses NUL in text. */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final PasswordResetLinks links;

	private final AccountManagement accounts;

	private final SecurityNotices notices;

	private final MailTemplates templates;

	private final Outbox outbox;

	private final MessageSource messages;

	private final RelativeTime times;

	private final URI baseUrl;

	private final Duration validity;

	private final Clock clock;

	PasswordResets(PasswordResetLinks links, AccountManagement accounts, SecurityNotices notices,
			MailTemplates templates, Outbox outbox, MessageSource messages, RelativeTime times,
			AppProperties application, PasswordResetProperties properties, Clock clock) {
		this.links = links;
		this.accounts = accounts;
		this.notices = notices;
		this.templates = templates;
		this.outbox = outbox;
		this.messages = messages;
		this.times = times;
		this.baseUrl = application.baseUrl();
		this.validity = properties.linkValidity();
		this.clock = clock;
	}

	/** The account whose link works: who it is, for the page and the password rules. */
	public record Link(long accountId, String email) {
	}

	/**
	 * The active account that uses the email typed, found as sign-in finds it (any case,
	 * surrounding spaces ignored); none for anything else, malformed text included.
	 */
	public Optional<Long> accountUsing(String email) {
		if (email == null || CONTROL.matcher(email).find()) {
			return Optional.empty();
		}
		return this.accounts.findByEmail(email)
			.filter((account) -> account.getStatus() == AccountStatus.ACTIVE)
			.map(UserAccount::getId);
	}

	/**
	 * Emails the account a new link, queued in the transaction that stores the link's
	 * digest (X6); the token is the email's secret, which the outbox removes from its
	 * stored copy once the email has left.
	 */
	@Transactional
	public void sendLink(long accountId) {
		UserAccount account = this.accounts.get(accountId);
		if (account.getStatus() != AccountStatus.ACTIVE) {
			return;
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.validity);
		String token = this.links.issue(accountId, now, expiresAt);
		String link = UriComponentsBuilder.fromUri(this.baseUrl).path(LINK_PATH + token).build().toUriString();
		OutgoingEmail email = this.templates.render("password-reset", account.getEmail(),
				this.messages.getMessage("email.passwordReset.subject", null, LocaleContextHolder.getLocale()),
				Map.of("link", link, "expiresAt", this.times.dateTime(expiresAt)));
		this.outbox.queue(email, SecurityNotices.topic(accountId), "password-reset:" + UUID.randomUUID(), Set.of(token),
				now);
	}

	/** The link's account, while the link works and the account is active. */
	public Optional<Link> find(String token) {
		return this.links.accountOf(token, this.clock.instant()).flatMap(this::active);
	}

	/**
	 * Uses the link to set the new password, which has passed the password rules for the
	 * link's account: the link and every other of the account stop working, and the
	 * person is emailed. Nothing if the link no longer works (used meanwhile, also by
	 * another request at this moment, or expired), or its account is no longer active.
	 */
	@Transactional
	public Optional<Link> reset(String token, String newPassword) {
		Instant now = this.clock.instant();
		Optional<Link> link = this.links.use(token, now).flatMap(this::active);
		link.ifPresent((account) -> {
			this.links.revokeAll(account.accountId(), now);
			this.accounts.changePassword(account.accountId(), newPassword);
			this.notices.tell(account.accountId(), account.email(), "passwordReset");
		});
		return link;
	}

	/** Ends the account's working links: its password was changed otherwise. */
	@Transactional
	public void revokeLinks(long accountId) {
		this.links.revokeAll(accountId, this.clock.instant());
	}

	private Optional<Link> active(long accountId) {
		UserAccount account = this.accounts.get(accountId);
		return (account.getStatus() == AccountStatus.ACTIVE) ? Optional.of(new Link(accountId, account.getEmail()))
				: Optional.empty();
	}

}
