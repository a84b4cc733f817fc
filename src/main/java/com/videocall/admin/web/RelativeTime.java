package com.videocall.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * "Invited just now", "Invited 5 minutes ago", "Invited yesterday", "Invited 3 days ago"
 * or a date, counted in calendar days of the configured time zone (U2). Templates call it
 * as {@code @relativeTime.invited(...)}.
 */
@Component("relativeTime")
public class RelativeTime {

	private static final int DAYS_SHOWN_AS_COUNT = 6;

	private final Clock clock;

	private final MessageSource messages;

	private final java.time.ZoneId zone;

	public RelativeTime(Clock clock, MessageSource messages, AppProperties properties) {
		this.clock = clock;
		this.messages = messages;
		this.zone = properties.timeZone();
	}

	public String invited(Instant when) {
		return this.messages.getMessage(invitedPhrase(when), LocaleContextHolder.getLocale());
	}

	/**
	 * A date and time in the configured zone, naming it, for detail pages and emails: "26
	 * Nov 2026, 3:05 pm AEDT" (a reader elsewhere knows which 3:05 pm it is).
	 */
	public String dateTime(Instant when) {
		return DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a zzz", Locale.ENGLISH)
			.format(when.atZone(this.zone))
			.replace("AM", "am")
			.replace("PM", "pm");
	}

	MessageSourceResolvable invitedPhrase(Instant when) {
		Instant now = this.clock.instant();
		Duration age = Duration.between(when, now);
		if (age.toMinutes() < 1) {
			return phrase("invited.justNow");
		}
		if (age.toMinutes() < 60) {
			return phrase("invited.minutesAgo", age.toMinutes());
		}
		ZonedDateTime then = when.atZone(this.zone);
		LocalDate today = now.atZone(this.zone).toLocalDate();
		long days = ChronoUnit.DAYS.between(then.toLocalDate(), today);
		if (days <= 0) {
			return phrase("invited.hoursAgo", age.toHours());
		}
		if (days == 1) {
			return phrase("invited.yesterday");
		}
		if (days <= DAYS_SHOWN_AS_COUNT) {
			return phrase("invited.daysAgo", days);
		}
		return phrase("invited.onDate", DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(then));
	}

	private static MessageSourceResolvable phrase(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

}
