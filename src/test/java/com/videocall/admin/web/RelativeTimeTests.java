package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * U2's "Invited …" phrases with the real messages.properties and a fixed clock, counted
 * in calendar days of Australia/Sydney (UTC+11 in summer, UTC+10 in winter).
 */
class RelativeTimeTests {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	/** Thursday 26 November 2026, 3:00 pm in Sydney (daylight saving: UTC+11). */
	private static final Instant NOW = sydney("2026-11-26T15:00:00");

	@BeforeEach
	void useAustralianEnglish() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("en-AU"));
	}

	@AfterEach
	void forgetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void saysJustNowWithinTheFirstMinute() {
		assertThat(invited(NOW, NOW)).isEqualTo("Invited just now");
		assertThat(invited(NOW, NOW.minusSeconds(59))).isEqualTo("Invited just now");
	}

	@Test
	void saysJustNowForATimeSlightlyInTheFuture() {
		assertThat(invited(NOW, NOW.plusSeconds(30))).isEqualTo("Invited just now");
	}

	@Test
	void countsMinutesWithinTheFirstHour() {
		assertThat(invited(NOW, NOW.minusSeconds(60))).isEqualTo("Invited 1 minute ago");
		assertThat(invited(NOW, NOW.minus(Duration.ofMinutes(5)))).isEqualTo("Invited 5 minutes ago");
		assertThat(invited(NOW, NOW.minus(Duration.ofMinutes(59).plusSeconds(59)))).isEqualTo("Invited 59 minutes ago");
	}

	@Test
	void countsHoursEarlierTheSameDay() {
		assertThat(invited(NOW, NOW.minus(Duration.ofMinutes(60)))).isEqualTo("Invited 1 hour ago");
		assertThat(invited(NOW, NOW.minus(Duration.ofMinutes(119)))).isEqualTo("Invited 1 hour ago");
		assertThat(invited(NOW, NOW.minus(Duration.ofHours(3)))).isEqualTo("Invited 3 hours ago");
		assertThat(invited(NOW, sydney("2026-11-26T00:00:00"))).isEqualTo("Invited 15 hours ago");
	}

	@Test
	void saysYesterdayForThePreviousCalendarDay() {
		assertThat(invited(NOW, sydney("2026-11-25T23:59:59"))).isEqualTo("Invited yesterday");
		assertThat(invited(NOW, sydney("2026-11-25T00:00:00"))).isEqualTo("Invited yesterday");
	}

	@Test
	void countsCalendarDaysUpToSixDays() {
		assertThat(invited(NOW, sydney("2026-11-24T23:59:00"))).isEqualTo("Invited 2 days ago");
		assertThat(invited(NOW, NOW.minus(Duration.ofDays(3)))).isEqualTo("Invited 3 days ago");
		assertThat(invited(NOW, sydney("2026-11-20T00:00:00"))).isEqualTo("Invited 6 days ago");
	}

	@Test
	void showsTheDateFromTheSeventhDayOn() {
		assertThat(invited(NOW, sydney("2026-11-19T23:59:00"))).isEqualTo("Invited 19 Nov 2026");
		assertThat(invited(NOW, sydney("2026-11-12T09:30:00"))).isEqualTo("Invited 12 Nov 2026");
		assertThat(invited(NOW, sydney("2025-12-31T23:30:00"))).isEqualTo("Invited 31 Dec 2025");
	}

	@Test
	void saysYesterdayJustAfterMidnightInSydney() {
		// 00:30 in Sydney; 23:00 the evening before is 90 minutes ago, but yesterday.
		Instant now = sydney("2026-11-26T00:30:00");
		assertThat(invited(now, sydney("2026-11-25T23:00:00"))).isEqualTo("Invited yesterday");
		assertThat(invited(now, sydney("2026-11-25T23:45:00"))).isEqualTo("Invited 45 minutes ago");
		assertThat(invited(now, sydney("2026-11-26T00:00:00"))).isEqualTo("Invited 30 minutes ago");
	}

	@Test
	void countsDaysInSydneyNotInUtc() {
		// Same UTC day (25 Nov, 10:00 and 14:00 UTC), different Sydney days (21:00 on the
		// 25th and 01:00 on the 26th).
		Instant now = utc("2026-11-25T14:00:00");
		assertThat(invited(now, utc("2026-11-25T10:00:00"))).isEqualTo("Invited yesterday");
		// Different UTC days (25th 21:00 and 26th 01:00 UTC), the same Sydney day (the
		// 26th,
		// 08:00 and 12:00).
		Instant noon = utc("2026-11-26T01:00:00");
		assertThat(invited(noon, utc("2026-11-25T21:00:00"))).isEqualTo("Invited 4 hours ago");
	}

	@Test
	void countsCalendarDaysAcrossTheStartOfDaylightSaving() {
		// Clocks go forward at 2 am on Sunday 4 October 2026: these are 47 hours apart.
		Instant now = sydney("2026-10-05T10:00:00");
		assertThat(invited(now, sydney("2026-10-03T10:00:00"))).isEqualTo("Invited 2 days ago");
		assertThat(invited(now, sydney("2026-10-04T01:30:00"))).isEqualTo("Invited yesterday");
	}

	@Test
	void countsInTheConfiguredTimeZone() {
		RelativeTime inUtc = relativeTime(NOW, ZoneOffset.UTC);
		// 3:00 pm in Sydney is 4:00 am UTC; 8:00 am the same day in Sydney is 9:00 pm
		// UTC, the day before in UTC.
		Instant morning = sydney("2026-11-26T08:00:00");
		assertThat(inUtc.invited(morning)).isEqualTo("Invited yesterday");
		assertThat(invited(NOW, morning)).isEqualTo("Invited 7 hours ago");
	}

	@Test
	void showsADateAndTimeInSydneyNamingItsTimeZone() {
		assertThat(relativeTime(NOW, SYDNEY).dateTime(utc("2026-11-26T04:05:00")))
			.isEqualTo("26 Nov 2026, 3:05 pm AEDT");
		assertThat(relativeTime(NOW, SYDNEY).dateTime(utc("2026-06-30T23:59:00")))
			.isEqualTo("1 Jul 2026, 9:59 am AEST");
		assertThat(relativeTime(NOW, ZoneId.of("UTC")).dateTime(utc("2026-06-30T23:59:00")))
			.isEqualTo("30 Jun 2026, 11:59 pm UTC");
	}

	private static String invited(Instant now, Instant when) {
		return relativeTime(now, SYDNEY).invited(when);
	}

	private static RelativeTime relativeTime(Instant now, ZoneId zone) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new RelativeTime(Clock.fixed(now, ZoneOffset.UTC), messages,
				new AppProperties(URI.create("http://localhost:8080"), zone, Duration.ofSeconds(5)));
	}

	private static Instant sydney(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SYDNEY).toInstant();
	}

	private static Instant utc(String localDateTime) {
		return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
	}

}
