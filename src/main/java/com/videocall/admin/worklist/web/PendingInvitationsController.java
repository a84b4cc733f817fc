package com.videocall.admin.worklist.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.invitation.web.UndoOffer;
import com.videocall.admin.reminders.ReminderProperties;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.worklist.BulkOutcome;
import com.videocall.admin.worklist.PendingFilter;
import com.videocall.admin.worklist.PendingInvitationActions.Chosen;
import com.videocall.admin.worklist.PendingInvitationActions;
import com.videocall.admin.worklist.PendingInvitations;
import com.videocall.admin.worklist.PendingSort;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Pending Invitations list (P1, P2), its bulk actions (P3) and its CSV (P4). The rows
 * chosen travel as {@code id:version}, so that each action applies to the invitation as
 * it was shown and skips one that changed since (X5).
 */
@Controller
@RequestMapping(PendingListState.PATH)
class PendingInvitationsController {

	/** More than this many chosen rows in one request are refused. */
	static final int MAX_SELECTED = 1_000;

	/** How many people the confirmation names; "and N more" says the rest. */
	static final int NAMED = 20;

	/**
	 * Cancelling more invitations than this at once needs a second factor confirmed in
	 * the last 5 minutes (SI7).
	 */
	static final int CANCELLED_WITHOUT_FRESH_FACTOR = 20;

	private static final Pattern SELECTED = Pattern.compile("([1-9][0-9]{0,17}):([0-9]{1,18})");

	private final PendingInvitations pending;

	private final PendingInvitationActions actions;

	private final ReminderProperties reminders;

	private final MessageSource messages;

	private final AppProperties app;

	private final Clock clock;

	private final UndoOffer undo;

	private final SecondFactorPolicy policy;

	PendingInvitationsController(PendingInvitations pending, PendingInvitationActions actions,
			ReminderProperties reminders, MessageSource messages, AppProperties app, Clock clock, UndoOffer undo,
			SecondFactorPolicy policy) {
		this.undo = undo;
		this.policy = policy;
		this.pending = pending;
		this.actions = actions;
		this.reminders = reminders;
		this.messages = messages;
		this.app = app;
		this.clock = clock;
	}

	@GetMapping
	String list(AdministratorScope scope, @ModelAttribute("list") PendingListState list, Model model) {
		model.addAttribute("rows", this.pending.find(scope, list.query(), list.pageable()));
		model.addAttribute("filters", PendingFilter.values());
		model.addAttribute("sorts", PendingSort.values());
		return "pending/list";
	}

	/**
	 * "Send Reminders" or "Cancel Invitations" asks first, saying how many people and
	 * naming the first {@value #NAMED} of them; with "Select All" every row shown is
	 * chosen. Only the pending invitations in scope go on to "Yes": the rows come from
	 * the URL, which anyone can write.
	 */
	@GetMapping("/confirm")
	String confirm(AdministratorScope scope, HttpServletRequest request,
			@RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "selected", required = false) List<String> selected,
			@RequestParam(name = "shown", required = false) List<String> shown,
			@RequestParam(name = "all", defaultValue = "false") boolean all,
			@ModelAttribute("list") PendingListState list, Model model, RedirectAttributes attributes) {
		List<String> values = all ? shown : selected;
		if (!("remind".equals(action) || "cancel".equals(action)) || tooMany(values, attributes)) {
			return "redirect:" + list.listUrl();
		}
		Map<Long, Long> chosen = parse(values);
		List<Chosen> found = chosen.isEmpty() ? List.of() : this.actions.chosen(scope, chosen);
		if (found.isEmpty()) {
			Banner.flash(attributes, Kind.ERROR, "pending.nothingSelected");
			return "redirect:" + list.listUrl();
		}
		if ("cancel".equals(action)
				&& !freshFactorIfMany(request, found.size(), found.stream().map(Chosen::selected).toList(), list)) {
			return "redirect:/sign-in/confirm";
		}
		model.addAttribute("action", action);
		model.addAttribute("chosen", found);
		model.addAttribute("named", found.subList(0, Math.min(found.size(), NAMED)));
		model.addAttribute("leftOut", chosen.size() - found.size());
		return "pending/confirm";
	}

	@PostMapping("/reminders")
	String remind(AdministratorScope scope, @AuthenticationPrincipal AccountUser me,
			@RequestParam(name = "selected", required = false) List<String> selected,
			@ModelAttribute("list") PendingListState list, RedirectAttributes attributes) {
		return bulk(selected, list, attributes, (chosen) -> banner(this.actions.remind(scope, me, chosen, source()),
				"pending.reminded.none", "pending.reminded.one", "pending.reminded.many"));
	}

	@PostMapping("/cancellation")
	String cancel(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, HttpServletRequest request,
			@RequestParam(name = "selected", required = false) List<String> selected,
			@ModelAttribute("list") PendingListState list, RedirectAttributes attributes) {
		Map<Long, Long> asked = parse(selected);
		if (!freshFactorIfMany(request, asked.size(),
				asked.entrySet().stream().map((row) -> row.getKey() + ":" + row.getValue()).toList(), list)) {
			return "redirect:/sign-in/confirm";
		}
		return bulk(selected, list, attributes, (chosen) -> {
			BulkOutcome<RemovalOutcome> outcome = this.actions.cancel(scope, me, chosen, source());
			Banner banner = banner(outcome, "pending.cancelled.none", "pending.cancelled.one",
					"pending.cancelled.many");
			long elsewhere = outcome.done().values().stream().filter(RemovalOutcome::remainsElsewhere).count();
			if (elsewhere > 0) {
				banner = banner.and((elsewhere == 1) ? "pending.remainElsewhere.one" : "pending.remainElsewhere.many",
						elsewhere);
			}
			// Every cancellation done shares one Undo record (UN).
			Optional<RemovalOutcome> any = outcome.done().values().stream().findFirst();
			return any.isPresent() ? this.undo.on(banner, any.get(), list.listUrl()) : banner;
		});
	}

	/** "Export CSV": the filtered list, every page, written as it is read (P4). */
	@GetMapping("/export")
	void export(AdministratorScope scope, @ModelAttribute("list") PendingListState list, HttpServletResponse response)
			throws IOException {
		String day = LocalDate.now(this.clock.withZone(this.app.timeZone())).toString();
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"pending-invitations-" + day + ".csv\"");
		PrintWriter writer = response.getWriter();
		PendingCsv csv = new PendingCsv(writer, this::roleLabel, this::deliveryLabel);
		csv.header(this::message);
		this.pending.export(scope, list.query(), csv::row);
		writer.flush();
	}

	/**
	 * Runs a bulk action on the rows chosen and shows its banner on the list as it was;
	 * none chosen (or too many) changes nothing.
	 */
	private static String bulk(List<String> selected, PendingListState list, RedirectAttributes attributes,
			Function<Map<Long, Long>, Banner> action) {
		if (tooMany(selected, attributes)) {
			return "redirect:" + list.listUrl();
		}
		Map<Long, Long> chosen = parse(selected);
		if (chosen.isEmpty()) {
			Banner.flash(attributes, Kind.ERROR, "pending.nothingSelected");
		}
		else {
			action.apply(chosen).flash(attributes);
		}
		return "redirect:" + list.listUrl();
	}

	/**
	 * Whether cancelling these rows may go on: a few, or many after a second factor
	 * confirmed in the last 5 minutes (SI7). If not, "Confirm it's you" comes first and
	 * then the confirmation of the same rows again (a form posted is never replayed).
	 */
	private boolean freshFactorIfMany(HttpServletRequest request, int rows, List<String> selected,
			PendingListState list) {
		if (rows <= CANCELLED_WITHOUT_FRESH_FACTOR) {
			return true;
		}
		String confirmation = UriComponentsBuilder.fromUriString(list.withState(PendingListState.PATH + "/confirm"))
			.queryParam("action", "cancel")
			.queryParam("selected", selected.toArray())
			.build()
			.toUriString();
		return this.policy.freshOrConfirmFirst(request, confirmation);
	}

	/** More rows sent than one action takes (P3): says so, and nothing is done. */
	private static boolean tooMany(List<String> selected, RedirectAttributes attributes) {
		if (selected == null || selected.size() <= MAX_SELECTED) {
			return false;
		}
		Banner.flash(attributes, Kind.ERROR, "pending.tooManySelected", "%,d".formatted(MAX_SELECTED),
				"%,d".formatted(selected.size()));
		return true;
	}

	/**
	 * What was done (banners carry their arguments as text, so the number picks the
	 * sentence), then what was skipped and why.
	 */
	private Banner banner(BulkOutcome<?> outcome, String none, String one, String many) {
		int done = outcome.done().size();
		Banner banner = Banner.of((done == 0) ? Kind.ERROR : Kind.SUCCESS,
				(done == 0) ? none : (done == 1) ? one : many, done);
		for (Map.Entry<BulkOutcome.Skip, Integer> skipped : outcome.skipped().entrySet()) {
			banner = banner.and("pending.skipped." + skipped.getKey().name(), skipped.getValue(),
					interval(this.reminders.reminderInterval()));
		}
		return banner;
	}

	/** "10 minutes", "1 hour": the reminder interval (X4) as the banner says it. */
	private static String interval(Duration interval) {
		if (interval.toMinutes() % 60 == 0 && interval.toHours() > 0) {
			return interval.toHours() + ((interval.toHours() == 1) ? " hour" : " hours");
		}
		long minutes = Math.max(interval.toMinutes(), 1);
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	/** The rows chosen, id to version; malformed values are ignored. */
	static Map<Long, Long> parse(List<String> values) {
		Map<Long, Long> chosen = new LinkedHashMap<>();
		if (values != null) {
			for (String value : values) {
				Matcher matcher = SELECTED.matcher(value);
				if (matcher.matches()) {
					chosen.putIfAbsent(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
				}
			}
		}
		return chosen;
	}

	private String roleLabel(com.videocall.admin.directory.Role role) {
		return message(role.labelCode());
	}

	private String deliveryLabel(com.videocall.admin.mail.EmailStatus status) {
		return (status != null) ? message("pending.delivery." + status.name()) : "";
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private String source() {
		return message("history.source.pending");
	}

}
