package com.videocall.admin.reminders.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.reminders.ReminderSchedule;
import com.videocall.admin.reminders.ReminderSchedules.Inherited;
import com.videocall.admin.reminders.ReminderSchedules.OwnSchedule;
import com.videocall.admin.reminders.ReminderSchedules;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.ErrorSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Invitation Reminders" of a unit (AR1): System Administrators for every unit,
 * Organisation Administrators for the units in their scope (anyone else: not found). The
 * unit either inherits the settings of the nearest unit above with its own (off when none
 * has any) or has its own; saving gives it its own, "Inherit" takes them away. The form
 * carries the version it was read at: a form read before someone else's change is
 * refused.
 */
@Controller
@RequestMapping("/organisational-units/{id}/reminders")
class ReminderSettingsController {

	private static final String PAGE = "areas/reminders";

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final int MAX_STEPS = 5;

	private static final int MAX_DAYS = 365;

	private final Areas areas;

	private final ReminderSchedules schedules;

	private final MessageSource messages;

	private final Clock clock;

	private final AppProperties app;

	ReminderSettingsController(Areas areas, ReminderSchedules schedules, MessageSource messages, Clock clock,
			AppProperties app) {
		this.areas = areas;
		this.schedules = schedules;
		this.messages = messages;
		this.clock = clock;
		this.app = app;
	}

	@GetMapping
	String page(AdministratorScope scope, @PathVariable long id, Model model) {
		AreaSummary unit = unit(scope, id);
		Optional<OwnSchedule> own = this.schedules.own(id);
		ReminderSchedule shown = own.map(OwnSchedule::schedule)
			.orElseGet(() -> this.schedules.applying(id).map(Inherited::schedule).orElse(ReminderSchedule.OFF));
		return show(scope, unit, ReminderSettingsForm.of(shown, own.map(OwnSchedule::version).orElse(null)),
				ErrorSummary.none(), model);
	}

	@PostMapping
	String save(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@ModelAttribute("form") ReminderSettingsForm form, Model model, RedirectAttributes attributes) {
		AreaSummary unit = unit(scope, id);
		ErrorSummary errors = ErrorSummary.none();
		List<Integer> days = new ArrayList<>();
		String daysProblem = days(form.days(), days);
		if (daysProblem != null) {
			errors = errors.and("days", message(daysProblem, MAX_STEPS));
		}
		LocalTime start = time(form.windowStart());
		LocalTime end = time(form.windowEnd());
		if (start == null) {
			errors = errors.and("windowStart", message("reminders.windowStart.invalid"));
		}
		if (end == null) {
			errors = errors.and("windowEnd", message("reminders.windowEnd.invalid"));
		}
		if (start != null && end != null && !start.isBefore(end)) {
			errors = errors.and("windowEnd", message("reminders.window.order"));
		}
		if (!errors.isEmpty()) {
			return show(scope, unit, form, errors, model);
		}
		Long expected = form.expectedVersion();
		if (expected != null && expected < 0) {
			return stale(unit, attributes);
		}
		boolean saved = this.schedules.save(id, new ReminderSchedule(form.isEnabled(), days, start, end), expected,
				me.accountId(), this.clock.instant());
		if (!saved) {
			return stale(unit, attributes);
		}
		Banner.flash(attributes, Kind.SUCCESS, "reminders.saved", unit.name());
		return "redirect:" + url(unit);
	}

	@PostMapping("/inherit")
	String inherit(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@ModelAttribute("form") ReminderSettingsForm form, RedirectAttributes attributes) {
		AreaSummary unit = unit(scope, id);
		Long expected = form.expectedVersion();
		if (expected == null || expected < 0
				|| !this.schedules.inherit(id, expected, me.accountId(), this.clock.instant())) {
			return stale(unit, attributes);
		}
		Banner.flash(attributes, Kind.SUCCESS, "reminders.inheriting", unit.name());
		return "redirect:" + url(unit);
	}

	private AreaSummary unit(AdministratorScope scope, long id) {
		return this.areas.get(scope, AreaKind.ORGANISATIONAL_UNIT, id);
	}

	private String stale(AreaSummary unit, RedirectAttributes attributes) {
		Banner.flash(attributes, Kind.ERROR, "reminders.stale");
		return "redirect:" + url(unit);
	}

	/**
	 * The page; the unit the settings are inherited from is named only to its
	 * administrators. An Organisation Administrator of a lower unit reads "a unit above
	 * yours" (the values show: they apply to the administrator's areas).
	 */
	private String show(AdministratorScope scope, AreaSummary unit, ReminderSettingsForm form, ErrorSummary errors,
			Model model) {
		Optional<OwnSchedule> own = this.schedules.own(unit.id());
		Optional<Inherited> applying = this.schedules.applying(unit.id());
		model.addAttribute("errorSummary", errors);
		model.addAttribute("area", unit);
		model.addAttribute("form", form);
		model.addAttribute("own", own.isPresent());
		Optional<Inherited> inherited = own.isPresent() ? Optional.empty() : applying;
		model.addAttribute("inheritedFrom",
				inherited.filter((from) -> scope.covers(from.fromUnitId())).map(Inherited::fromUnitName).orElse(null));
		model.addAttribute("inheritedFromAbove", inherited.isPresent());
		model.addAttribute("timeZone", this.app.timeZone().getId());
		return PAGE;
	}

	private static String url(AreaSummary unit) {
		return "/organisational-units/" + unit.id() + "/reminders";
	}

	/**
	 * Reads "3, 10" into {@code into}; the code of the message about what is wrong, or
	 * null.
	 */
	private static String days(String text, List<Integer> into) {
		if (text == null || text.isBlank()) {
			return "reminders.days.required";
		}
		if (text.length() > 100) {
			return "reminders.days.invalid";
		}
		Set<Integer> seen = new LinkedHashSet<>();
		for (String part : text.split(",", -1)) {
			String value = part.strip();
			if (!value.matches("[0-9]{1,3}")) {
				return "reminders.days.invalid";
			}
			int day = Integer.parseInt(value);
			if (day < 1 || day > MAX_DAYS) {
				return "reminders.days.range";
			}
			if (!seen.add(day)) {
				return "reminders.days.duplicate";
			}
		}
		if (seen.size() > MAX_STEPS) {
			return "reminders.days.tooMany";
		}
		into.addAll(seen.stream().sorted().collect(Collectors.toList()));
		return null;
	}

	private static LocalTime time(String text) {
		if (text == null || text.length() != 5) {
			return null;
		}
		try {
			return LocalTime.parse(text, TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
