package com.videocall.admin.activity.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.videocall.admin.account.EmailAddresses;
import com.videocall.admin.activity.ActivityKind;
import com.videocall.admin.activity.ActivityRow;
import com.videocall.admin.activity.ActivityRow.AreaInScope;
import com.videocall.admin.activity.StoredRole;

import org.springframework.context.MessageSource;

/**
 * An Activity entry's words (AC1) in one locale, which look each label and pattern up
 * once and are kept for every page and CSV in that locale ({@link #inLocale}): who
 * ("Automatic", "the invitee" or the name), what (the kind's label, with the detail), the
 * roles in an area. A kind or role this version does not know (which only a change made
 * past the application can write, and the integrity check reports) shows as stored.
 */
final class ActivityWords {

	/**
	 * Locales whose words are kept; a browser names any locale it likes, so words for
	 * locales past these are looked up for the request only.
	 */
	private static final int LOCALES_KEPT = 16;

	/** Combinations of roles whose texts are kept, per locale. */
	private static final int ROLES_KEPT = 1_000;

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, String> labels = new ConcurrentHashMap<>();

	/**
	 * The patterns, each used by one thread at a time ({@link MessageFormat} is not
	 * safe).
	 */
	private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

	/** The kinds' labels, by kind as stored. */
	private final Map<String, String> kinds = new ConcurrentHashMap<>();

	/** The roles' texts, by roles as stored: pages repeat a few combinations. */
	private final Map<List<String>, String> roles = new ConcurrentHashMap<>();

	private final Map<List<String>, String> rolesAfterArea = new ConcurrentHashMap<>();

	private ActivityWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * The words of a locale, kept from one request to the next in {@code kept} (the
	 * messages do not change while the application runs): a page otherwise spent a tenth
	 * of its time looking up the same labels (AC7).
	 */
	static ActivityWords inLocale(Map<Locale, ActivityWords> kept, MessageSource messages, Locale locale) {
		ActivityWords words = kept.get(locale);
		if (words == null) {
			words = new ActivityWords(messages, locale);
			if (kept.size() < LOCALES_KEPT) {
				kept.putIfAbsent(locale, words);
			}
		}
		return words;
	}

	String who(ActivityRow row) {
		return switch (row.doer()) {
			case SYSTEM -> label("activity.automatic", null);
			case INVITEE -> label("history.invitee", null);
			case ACCOUNT -> row.actorName();
		};
	}

	/**
	 * The person the entry concerns: their address, null for none, or "removed" once
	 * their personal data is gone (LC3: their account holds a placeholder).
	 */
	String person(ActivityRow row) {
		return EmailAddresses.isRemoved(row.personEmail()) ? label("personalData.removed", null) : row.personEmail();
	}

	/** Whether the entry's person can be searched for by address. */
	boolean personKnown(ActivityRow row) {
		return row.personEmail() != null && !EmailAddresses.isRemoved(row.personEmail());
	}

	/** The kind's label. */
	String kind(ActivityRow row) {
		return this.kinds.computeIfAbsent(row.kind(), (kind) -> label("activity.kind." + kind, kind));
	}

	/** The kind's label, with the entry's detail if it has one. */
	String what(ActivityRow row) {
		if (ActivityKind.PERSONAL_DATA_REMOVED.name().equals(row.kind()) && row.detail() != null
				&& row.detail().matches("[0-9]{1,9}")) {
			// LC3: the count of invitations is the detail, said in a sentence.
			return format("activity.personalDataRemoved", Integer.parseInt(row.detail()));
		}
		return (row.detail() != null) ? format("activity.withDetail", kind(row), row.detail()) : kind(row);
	}

	/**
	 * The roles the entry concerns in the area, as their labels; those Change Roles added
	 * or removed say which.
	 */
	String roles(AreaInScope area) {
		return kept(this.roles, area.roles(),
				(stored) -> stored.stream().map(this::role).collect(Collectors.joining(", ")));
	}

	/** The roles as a page shows them after the area's name ("(Service Provider)"). */
	String rolesAfterArea(AreaInScope area) {
		return kept(this.rolesAfterArea, area.roles(), (stored) -> format("activity.roles", roles(area)));
	}

	/** The text kept for these roles, or made (and kept, up to {@value #ROLES_KEPT}). */
	private String kept(Map<List<String>, String> texts, List<String> roles, Function<List<String>, String> make) {
		String text = texts.get(roles);
		if (text == null) {
			text = make.apply(roles);
			if (texts.size() < ROLES_KEPT) {
				texts.putIfAbsent(roles, text);
			}
		}
		return text;
	}

	private String role(String stored) {
		StoredRole role = StoredRole.parse(stored);
		String label = label("role." + role.role(), role.role());
		return switch (role.change()) {
			case NONE -> label;
			case ADDED -> format("activity.role.added", label);
			case REMOVED -> format("activity.role.removed", label);
		};
	}

	/** The area and its roles in one text. */
	String area(AreaInScope area) {
		return area.roles().isEmpty() ? area.name() : format("activity.areaRoles", area.name(), roles(area));
	}

	/** A message with arguments; its pattern is read once. */
	String format(String code, Object... arguments) {
		MessageFormat format = this.formats.computeIfAbsent(code,
				(key) -> new MessageFormat(label(key, null), this.locale));
		synchronized (format) {
			return format.format(arguments);
		}
	}

	String label(String code, String otherwise) {
		return this.labels.computeIfAbsent(code,
				(key) -> this.messages.getMessage(key, null, (otherwise != null) ? otherwise : key, this.locale));
	}

}
