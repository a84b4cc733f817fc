package com.videocall.admin.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import com.videocall.admin.web.AppProperties;

import org.springframework.stereotype.Component;

/**
 * Reads the last day of a role's access as typed ("Access until", "Change end date",
 * LC1): a date field's {@code 2027-02-28}, or {@code 28/02/2027} where a browser offers a
 * text field instead. Not before today in app.time-zone (today itself is allowed: access
 * ends at the end of it), and at most {@link #MOST_YEARS_AHEAD} years ahead.
 */
@Component
public class AccessEndDates {

	/** How far ahead an end date may lie: further is a typing mistake. */
	public static final int MOST_YEARS_AHEAD = 5;

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private final Clock clock;

	private final ZoneId zone;

	AccessEndDates(Clock clock, AppProperties properties) {
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** Today in app.time-zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/** The configured time zone's id, which the form's hint names. */
	public String zone() {
		return this.zone.getId();
	}

	/**
	 * The date typed (empty: none, access does not end), or the message code of what is
	 * wrong with it.
	 */
	public Read read(String text) {
		if (text == null || text.isBlank()) {
			return new Read(Optional.empty(), null);
		}
		Optional<LocalDate> date = parse(text.strip());
		if (date.isEmpty()) {
			return new Read(Optional.empty(), "accessUntil.invalid");
		}
		LocalDate today = today();
		if (date.get().isBefore(today)) {
			return new Read(Optional.empty(), "accessUntil.past");
		}
		if (date.get().isAfter(today.plusYears(MOST_YEARS_AHEAD))) {
			return new Read(Optional.empty(), "accessUntil.tooFar");
		}
		return new Read(date, null);
	}

	private static Optional<LocalDate> parse(String text) {
		if (text.length() > 10) {
			return Optional.empty();
		}
		try {
			return Optional.of(text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A date read: the date (empty: none given) when {@code errorCode} is null, else what
	 * is wrong.
	 */
	public record Read(Optional<LocalDate> date, String errorCode) {

		public boolean isValid() {
			return this.errorCode == null;
		}

		public LocalDate orNull() {
			return this.date.orElse(null);
		}

	}

}
