package com.videocall.admin.activity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.videocall.admin.account.EmailAddresses;
import com.videocall.admin.activity.ActivityAreas;
import com.videocall.admin.activity.ActivityKind;
import com.videocall.admin.activity.ActivityPosition;
import com.videocall.admin.activity.ActivityQuery;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.FormText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import static com.videocall.admin.activity.web.ActivityListState.given;

/**
 * Reads the Activity page's filters and position from what the URL holds (AC3), and says
 * what is wrong with each, in the order of the form, so that the page shows the problems
 * and never an error of the server (X7). "Who" is the email of whoever did it (any case;
 * the invitee's own actions are theirs) or the word "Automatic" for the system; "Person"
 * the email of whom an entry concerns; an email names an account only as Add Users
 * accepts one, so a look-alike letter from another script is refused rather than searched
 * for. "Area" is one of the areas in scope (by id from the list or a row's link, or by
 * name where the scope has too many to list; an area that is not in scope is refused like
 * one that does not exist). "From" and "To" are whole days in {@code app.time-zone}, both
 * included. The position is the id of an entry.
 */
@Component
class ActivityFilters {

	private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

	private final ActivityAreas areas;

	private final MessageSource messages;

	private final ZoneId zone;

	ActivityFilters(ActivityAreas areas, MessageSource messages, AppProperties app) {
		this.areas = areas;
		this.messages = messages;
		this.zone = app.timeZone();
	}

	/** The kinds "What" offers: those about signing in to System Administrators only. */
	static List<ActivityKind> kinds(AdministratorScope scope) {
		return Arrays.stream(ActivityKind.values())
			.filter((kind) -> scope.everything() || !kind.isAboutSigningIn())
			.toList();
	}

	Request read(AdministratorScope scope, ActivityListState list) {
		Request request = new Request(scope);
		ActivityKind kind = request.kind(list.what());
		boolean automatic = given(list.who()) && list.who().strip().equalsIgnoreCase(message("activity.automatic"));
		String actor = automatic ? null : request.email("who", list.who());
		String person = request.email("person", list.person());
		Set<Long> areaIds = request.areas(list.area(), list.areaName());
		LocalDate from = request.day("from", list.from());
		LocalDate to = request.day("to", list.to());
		if (from != null && to != null && from.isAfter(to)) {
			request.problem("to", "activity.dates.order");
		}
		ActivityPosition position = request.position(list.before(), list.after());
		request.query = new ActivityQuery(kind, automatic, actor, person, areaIds, start(from),
				start((to != null) ? to.plusDays(1) : null));
		request.position = position;
		return request;
	}

	private Instant start(LocalDate day) {
		return (day != null) ? day.atStartOfDay(this.zone).toInstant() : null;
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	/** What was asked for, or what is wrong with it. */
	final class Request {

		private final AdministratorScope scope;

		private ErrorSummary errors = ErrorSummary.none();

		private ActivityQuery query;

		private ActivityPosition position;

		/** The name of the area asked for by id, for the field that names it. */
		private String areaName;

		Request(AdministratorScope scope) {
			this.scope = scope;
		}

		ErrorSummary errors() {
			return this.errors;
		}

		ActivityQuery query() {
			return this.query;
		}

		ActivityPosition position() {
			return this.position;
		}

		String areaName() {
			return this.areaName;
		}

		private ActivityKind kind(String what) {
			if (!given(what)) {
				return null;
			}
			return kinds(this.scope).stream()
				.filter((kind) -> kind.name().equals(what.strip()))
				.findFirst()
				.orElseGet(() -> problem("what", "activity.what.invalid"));
		}

		private String email(String field, String value) {
			if (!given(value)) {
				return null;
			}
			String email = value.strip();
			return EmailAddresses.isWellFormed(email) ? email : problem(field, "activity." + field + ".invalid");
		}

		private Set<Long> areas(String id, String name) {
			if (given(id)) {
				String area = id.strip();
				this.areaName = ID.matcher(area).matches()
						? ActivityFilters.this.areas.name(this.scope, Long.parseLong(area)).orElse(null) : null;
				return (this.areaName != null) ? Set.of(Long.parseLong(area))
						: problem("area", "activity.area.invalid");
			}
			if (!given(name)) {
				return null;
			}
			String text = name.strip();
			Set<Long> named = (text.length() <= SearchText.MAX_LENGTH && text.matches(FormText.ONE_LINE))
					? ActivityFilters.this.areas.named(this.scope, text) : Set.of();
			return named.isEmpty() ? problem("area", "activity.areaName.invalid") : named;
		}

		private LocalDate day(String field, String value) {
			if (!given(value)) {
				return null;
			}
			try {
				if (DAY.matcher(value.strip()).matches()) {
					return LocalDate.parse(value.strip());
				}
			}
			catch (DateTimeParseException ex) {
				// Not a day of the calendar, as 2026-02-30: said below.
			}
			return problem(field, "activity." + field + ".invalid");
		}

		private ActivityPosition position(String before, String after) {
			if (!given(before) && !given(after)) {
				return ActivityPosition.NEWEST;
			}
			if (given(before) != given(after)) {
				String id = (given(before) ? before : after).strip();
				if (ID.matcher(id).matches()) {
					return given(before) ? ActivityPosition.before(Long.parseLong(id))
							: ActivityPosition.after(Long.parseLong(id));
				}
			}
			return problem("position", "activity.position.invalid");
		}

		private <T> T problem(String field, String code) {
			this.errors = this.errors.and(field, message(code));
			return null;
		}

	}

}
