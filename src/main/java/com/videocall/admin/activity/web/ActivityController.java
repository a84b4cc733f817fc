package com.videocall.admin.activity.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.activity.ActivityAreas;
import com.videocall.admin.activity.ActivityAreas.AreaChoice;
import com.videocall.admin.activity.ActivityEntries;
import com.videocall.admin.activity.ActivityExports;
import com.videocall.admin.activity.ActivityPage;
import com.videocall.admin.activity.web.ActivityFilters.Request;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.RelativeTime;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Activity page (AC1-AC3): the entries in scope, newest first, 25 a page by keyset,
 * with its filters; and "Export CSV", everything the filters match, written as it is read
 * and recorded as an entry of its own. Filters that cannot be read show the page with
 * what is wrong with them, for the CSV too.
 */
@Controller
@RequestMapping(ActivityListState.PATH)
class ActivityController {

	private static final String PAGE = "activity/list";

	private final ActivityFilters filters;

	private final ActivityEntries entries;

	private final ActivityAreas areas;

	private final ActivityExports exports;

	private final RelativeTime times;

	private final MessageSource messages;

	private final AppProperties app;

	private final Clock clock;

	/** The words of each locale pages were shown in. */
	private final Map<Locale, ActivityWords> words = new ConcurrentHashMap<>();

	ActivityController(ActivityFilters filters, ActivityEntries entries, ActivityAreas areas, ActivityExports exports,
			RelativeTime times, MessageSource messages, AppProperties app, Clock clock) {
		this.filters = filters;
		this.entries = entries;
		this.areas = areas;
		this.exports = exports;
		this.times = times;
		this.messages = messages;
		this.app = app;
		this.clock = clock;
	}

	@GetMapping
	String list(AdministratorScope scope, @RequestParam MultiValueMap<String, String> parameters, Model model) {
		ActivityListState list = listState(parameters, model);
		Request request = this.filters.read(scope, list);
		if (request.errors().isEmpty()) {
			ActivityPage page = this.entries.page(scope, request.query(), request.position());
			model.addAttribute("page", page);
			model.addAttribute("rows", new ActivityRowsHtml(words(), this.times, list.areaUrls()).of(page));
		}
		return show(scope, list, request, model);
	}

	/**
	 * "Export CSV": {@code activity-YYYY-MM-DD.csv}, the day in {@code app.time-zone}.
	 */
	@GetMapping("/export")
	String export(AdministratorScope scope, @AuthenticationPrincipal AccountUser me,
			@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response)
			throws IOException {
		ActivityListState list = listState(parameters, model);
		Request request = this.filters.read(scope, list);
		if (!request.errors().isEmpty()) {
			return show(scope, list, request, model);
		}
		this.exports.exported(me.accountId(), scope, request.query(), message("activity.title"));
		String day = LocalDate.now(this.clock.withZone(this.app.timeZone())).toString();
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"activity-" + day + ".csv\"");
		PrintWriter writer = response.getWriter();
		ActivityCsv csv = new ActivityCsv(writer, words());
		csv.header();
		this.entries.forEach(scope, request.query(), csv::row);
		writer.flush();
		return null;
	}

	private String show(AdministratorScope scope, ActivityListState list, Request request, Model model) {
		model.addAttribute("errorSummary", request.errors());
		ActivityWords words = words();
		Map<String, String> kinds = new LinkedHashMap<>();
		ActivityFilters.kinds(scope).forEach((kind) -> kinds.put(kind.name(), words.label(kind.labelCode(), null)));
		model.addAttribute("kinds", OptionsHtml.of(words.label("activity.what.any", null), kinds, list.what()));
		Optional<List<AreaChoice>> listed = this.areas.listed(scope);
		if (listed.isPresent()) {
			Map<String, String> areas = new LinkedHashMap<>();
			listed.get().forEach((area) -> areas.put(String.valueOf(area.id()), area.name()));
			model.addAttribute("areas", OptionsHtml.of(words.label("activity.area.any", null), areas, list.area()));
		}
		model.addAttribute("areaName", request.areaName());
		model.addAttribute("timeZone", this.app.timeZone().getId());
		return PAGE;
	}

	/** The filters and position sent, which the page shows back as "list". */
	private static ActivityListState listState(MultiValueMap<String, String> parameters, Model model) {
		ActivityListState list = ActivityListState.of(parameters);
		model.addAttribute("list", list);
		return list;
	}

	private ActivityWords words() {
		return ActivityWords.inLocale(this.words, this.messages, LocaleContextHolder.getLocale());
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
