package com.videocall.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/**
	 * Made once, as the zone's names below: making a formatter per call, and looking the
	 * zone's name up for each time, cost a list of 50 times a tenth of its page.
	 */
	private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().appendPattern("d MMM yyyy, h:mm ")
		.appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"))
		.toFormatter(Locale.ENGLISH);

	/** A day as every page and email shows one: "28 Feb 2027". */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	/** The zone's short name at each of its offsets ("AEST", "AEDT"). */
	private final Map<ZoneOffset, String> zoneNames = new ConcurrentHashMap<>();

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
		ZonedDateTime local = when.atZone(this.zone);
		return DATE_TIME.format(local) + " "
				+ this.zoneNames.computeIfAbsent(local.getOffset(), (offset) -> ZONE_NAME.format(local));
	}

	/** A day, "28 Feb 2027" (an end date of access, LC1). */
	public static String day(LocalDate day) {
		return DAY.format(day);
	}

	/** Today in the configured zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
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
		return phrase("invited.onDate", DAY.format(then));
	}

	private static MessageSourceResolvable phrase(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

}
