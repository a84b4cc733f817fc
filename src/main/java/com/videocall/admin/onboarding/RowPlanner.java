package com.videocall.admin.onboarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.videocall.admin.account.EmailAddresses;
import com.videocall.admin.directory.AccessEndDates;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.AddUsersForecast;
import com.videocall.admin.invitation.AddUsersForecasts;
import com.videocall.admin.invitation.Invitation.RoleOffer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Decides what each row of a file does, without changing anything (IM2): its problem, in
 * the order email, area, roles, date, repeat; or what Add Users would do, foreseen by the
 * invitation module's {@link AddUsersForecast} row after row, so that a person's second
 * row counts the first. Areas are looked up in the administrator's scope only: one
 * outside it is an "Unknown area" like a missing one. A constant number of statements
 * whatever the number of rows.
 */
@Component
class RowPlanner {

	private static final Pattern ROLE_SEPARATORS = Pattern.compile("[;,]");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

	private final Areas areas;

	private final AddUsersForecasts forecasts;

	private final AccessEndDates endDates;

	private final MessageSource messages;

	private final Clock clock;

	RowPlanner(Areas areas, AddUsersForecasts forecasts, AccessEndDates endDates, MessageSource messages, Clock clock) {
		this.areas = areas;
		this.forecasts = forecasts;
		this.endDates = endDates;
		this.messages = messages;
		this.clock = clock;
	}

	List<RowPlan> plan(AdministratorScope scope, List<ImportRow> rows) {
		Map<String, List<AreaSummary>> byName = new HashMap<>();
		Map<Long, AreaSummary> byId = new HashMap<>();
		lookUpAreas(scope, rows, byName, byId);
		Map<String, AddUsersForecast> people = new HashMap<>(this.forecasts.of(rows.stream()
			.map(ImportRow::email)
			.filter(EmailAddresses::isWellFormed)
			.map(RowPlanner::key)
			.distinct()
			.toList(), this.clock.instant()));
		Set<String> seen = new HashSet<>();
		List<RowPlan> plans = new ArrayList<>(rows.size());
		for (ImportRow row : rows) {
			plans.add(plan(row, byName, byId, seen, people));
		}
		return plans;
	}

	private RowPlan plan(ImportRow row, Map<String, List<AreaSummary>> byName, Map<Long, AreaSummary> byId,
			Set<String> seen, Map<String, AddUsersForecast> people) {
		if (!EmailAddresses.isWellFormed(row.email())) {
			return RowPlan.problem(row, RowOutcome.INVALID_EMAIL);
		}
		List<AreaSummary> named = byName.getOrDefault(key(row.area()), List.of());
		if (named.size() > 1) {
			return RowPlan.problem(row, RowOutcome.AMBIGUOUS_AREA);
		}
		AreaSummary area = named.isEmpty() ? byId.get(id(row.area())) : named.get(0);
		if (area == null) {
			return RowPlan.problem(row, RowOutcome.UNKNOWN_AREA);
		}
		List<Role> roles = roles(row.roles(), area);
		if (roles.isEmpty()) {
			return RowPlan.problem(row, RowOutcome.UNKNOWN_ROLE);
		}
		AccessEndDates.Read until = this.endDates.read(row.accessUntil());
		if (!until.isValid()) {
			return RowPlan.problem(row, RowOutcome.INVALID_DATE);
		}
		if (!seen.add(key(row.email()) + "\n" + area.id())) {
			return RowPlan.problem(row, RowOutcome.REPEATED);
		}
		List<RoleOffer> offers = roles.stream().map((role) -> new RoleOffer(role, area.id(), until.orNull())).toList();
		AddUsersForecast person = people.getOrDefault(key(row.email()), AddUsersForecast.nobody());
		people.put(key(row.email()), person.after(offers));
		RowOutcome outcome = RowOutcome.of(person.outcome(offers));
		return new RowPlan(row, outcome, outcome.isProblem() ? List.of() : offers);
	}

	private void lookUpAreas(AdministratorScope scope, List<ImportRow> rows, Map<String, List<AreaSummary>> byName,
			Map<Long, AreaSummary> byId) {
		Set<String> names = new HashSet<>();
		Set<Long> ids = new HashSet<>();
		for (ImportRow row : rows) {
			if (!row.area().isEmpty()) {
				names.add(key(row.area()));
			}
			Long id = id(row.area());
			if (id != null) {
				ids.add(id);
			}
		}
		if (names.isEmpty()) {
			return;
		}
		for (AreaSummary area : this.areas.named(scope, names, ids)) {
			byId.put(area.id(), area);
			if (names.contains(key(area.name()))) {
				byName.computeIfAbsent(key(area.name()), (name) -> new ArrayList<>()).add(area);
			}
		}
	}

	/**
	 * The roles of the area's kind the cell names by their labels, in any case; none when
	 * the cell names none or one that is not a role of this area.
	 */
	private List<Role> roles(String cell, AreaSummary area) {
		List<String> labels = ROLE_SEPARATORS.splitAsStream(cell)
			.map(RowPlanner::key)
			.filter((label) -> !label.isEmpty())
			.distinct()
			.toList();
		List<Role> roles = Role.of(area.kind()).stream().filter((role) -> labels.contains(label(role))).toList();
		return (roles.size() == labels.size()) ? roles : List.of();
	}

	private String label(Role role) {
		return key(this.messages.getMessage(role.labelCode(), null, Locale.ROOT));
	}

	private static Long id(String cell) {
		return DIGITS.matcher(cell).matches() ? Long.valueOf(cell) : null;
	}

	private static String key(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
