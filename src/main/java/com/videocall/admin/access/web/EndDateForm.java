package com.videocall.admin.access.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.videocall.admin.directory.AccessEndDates;
import com.videocall.admin.invitation.InvitedAccess.Change;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.RelativeTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Change end date" form (LC1) of a granted and of an invited role alike: what it
 * shows, how it reads the new date ("Clear end date": none), and the banner of what the
 * change did. The form sends back the end it showed ({@code current}), by which a stale
 * form is told from a fresh one.
 */
@Component
class EndDateForm {

	static final String VIEW = "access/change-end-date";

	private static final String CLEAR = "clear";

	private final AccessEndDates dates;

	private final MessageSource messages;

	EndDateForm(AccessEndDates dates, MessageSource messages) {
		this.dates = dates;
		this.messages = messages;
	}

	/** The form with the end as it is now. */
	String show(Model model, Page page) {
		return show(model, page, (page.accessUntil() != null) ? page.accessUntil().toString() : "",
				ErrorSummary.none());
	}

	/**
	 * The new end: empty when the date typed cannot be used; inside it, empty for "Clear
	 * end date".
	 */
	Optional<Optional<LocalDate>> read(String action, String accessUntil) {
		if (CLEAR.equals(action)) {
			return Optional.of(Optional.empty());
		}
		AccessEndDates.Read read = this.dates.read(accessUntil);
		return (read.isValid() && read.date().isPresent()) ? Optional.of(read.date()) : Optional.empty();
	}

	/** The form again, with what is wrong with the date typed. */
	String refuse(Model model, Page page, String accessUntil) {
		AccessEndDates.Read read = this.dates.read(accessUntil);
		String text = read.isValid() ? message("accessEnd.required")
				: message(read.errorCode(), AccessEndDates.MOST_YEARS_AHEAD);
		return show(model, page, accessUntil, ErrorSummary.none().and("accessUntil", text));
	}

	/**
	 * Where the change leads: a stale form to the form as it is now, anything else back
	 * with its banner.
	 */
	String answer(Change change, Page page, LocalDate until, RedirectAttributes redirect) {
		if (change == Change.STALE) {
			Banner.flash(redirect, Kind.ERROR, "accessEnd.stale");
			return "redirect:" + page.formUrl();
		}
		String code = switch (change) {
			case ALREADY -> "accessEnd.unchanged";
			default -> (until != null) ? "accessEnd.changed" : "accessEnd.cleared";
		};
		Banner.flash(redirect, (change == Change.ALREADY) ? Kind.INFORMATION : Kind.SUCCESS, code, page.personName(),
				page.roleLabel(), page.areaName(), (until != null) ? RelativeTime.day(until) : "");
		return "redirect:" + page.backUrl();
	}

	/** The date the form showed: an ISO date, or none; anything else as none. */
	static LocalDate current(String current) {
		try {
			return (current == null || current.isBlank()) ? null : LocalDate.parse(current);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	private String show(Model model, Page page, String value, ErrorSummary errors) {
		model.addAttribute("page", page);
		model.addAttribute("value", value);
		model.addAttribute("errorSummary", errors);
		model.addAttribute("timeZone", this.dates.zone());
		model.addAttribute("currentDay", (page.accessUntil() != null) ? RelativeTime.day(page.accessUntil()) : null);
		return VIEW;
	}

	/**
	 * What the form shows: whose role, where, its end now; where it posts
	 * ({@code postUrl}, with {@code area} and {@code role} for a granted role), where it
	 * is shown again ({@code formUrl}) and where it returns ({@code backUrl}).
	 */
	record Page(String personName, String roleLabel, String areaName, LocalDate accessUntil, String postUrl,
			String formUrl, String backUrl, Long area, String role) {
	}

}
