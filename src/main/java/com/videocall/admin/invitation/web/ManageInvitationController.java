package com.videocall.admin.invitation.web;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InvitationView.RoleLine;
import com.videocall.admin.invitation.InvitationView;
import com.videocall.admin.invitation.InvitationViews;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.people.web.UsersListState;
import com.videocall.admin.reminders.AutomaticReminders.Planned;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Manage Invitation dialog (M1–M5): a page of its own, opened as a modal when script
 * runs. The Users list's search, filter and page travel along so that "Close" returns to
 * it as it was.
 */
@Controller
@RequestMapping("/users/invitations/{id}")
class ManageInvitationController {

	private final InvitationViews views;

	private final InvitationManagement management;

	private final Refusals refusals;

	private final MessageSource messages;

	private final DialogBackdrop backdrop;

	private final UndoOffer undo;

	ManageInvitationController(InvitationViews views, InvitationManagement management, Refusals refusals,
			MessageSource messages, DialogBackdrop backdrop, UndoOffer undo) {
		this.undo = undo;
		this.backdrop = backdrop;
		this.views = views;
		this.management = management;
		this.refusals = refusals;
		this.messages = messages;
	}

	/**
	 * The dialog; "Delete" comes back here with {@code mark}, which ticks that role for
	 * removal.
	 */
	@GetMapping
	String dialog(AdministratorScope scope, @PathVariable long id,
			@RequestParam(name = "role", required = false) Set<Long> checked,
			@RequestParam(name = "mark", required = false) Long mark, @ModelAttribute("list") UsersListState list,
			Model model) {
		Set<Long> marked = new HashSet<>((checked != null) ? checked : Set.of());
		if (mark != null) {
			marked.add(mark);
		}
		InvitationView invitation = this.views.get(scope, id);
		model.addAttribute("invitation", invitation);
		Optional<Planned> planned = invitation.automaticReminder();
		model.addAttribute("nextAutomaticReminder", planned.map(Planned::at).orElse(null));
		// Which area's settings it follows (that of a role of the invitation), named only
		// to administrators of that area: those who see that role.
		model
			.addAttribute("automaticReminderArea",
					planned.flatMap((next) -> invitation.roles()
						.stream()
						.filter((role) -> role.areaId() == next.areaId())
						.map(RoleLine::areaName)
						.findFirst()).orElse(null));
		model.addAttribute("marked", marked);
		this.backdrop.add(scope, list, model);
		return "invitations/manage";
	}

	@PostMapping("/reminder")
	String remind(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestParam long version, @ModelAttribute("list") UsersListState list, RedirectAttributes attributes) {
		String dialog = list.withState("/users/invitations/" + id);
		try {
			String email = this.management.remind(scope, me, id, version, source(), null);
			Banner.flash(attributes, Kind.SUCCESS, "reminder.sent", email);
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + dialog;
	}

	/**
	 * "Delete" (one role) or "Remove Roles" (the checked ones, or all with "Select All")
	 * asks first.
	 */
	@GetMapping("/removal")
	String confirmRemoval(AdministratorScope scope, @PathVariable long id,
			@RequestParam(name = "role", required = false) Set<Long> checked,
			@RequestParam(name = "only", required = false) Long only,
			@RequestParam(name = "all", defaultValue = "false") boolean all,
			@ModelAttribute("list") UsersListState list, Model model, RedirectAttributes attributes) {
		InvitationView invitation = this.views.get(scope, id);
		List<RoleLine> selected = invitation.roles()
			.stream()
			.filter((role) -> (only != null) ? role.id() == only
					: all || (checked != null && checked.contains(role.id())))
			.toList();
		if (selected.isEmpty() || !invitation.isPending()) {
			Banner.flash(attributes, Kind.ERROR, "invitation.nothingSelected");
			return "redirect:" + list.withState("/users/invitations/" + id);
		}
		model.addAttribute("invitation", invitation);
		model.addAttribute("selected", selected);
		this.backdrop.add(scope, list, model);
		return "invitations/confirm-removal";
	}

	@PostMapping("/removal")
	String remove(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestParam long version, @RequestParam(name = "role", required = false) Set<Long> roles,
			@ModelAttribute("list") UsersListState list, RedirectAttributes attributes) {
		String dialog = list.withState("/users/invitations/" + id);
		try {
			RemovalOutcome outcome = this.management.removeRoles(scope, me, id, version,
					(roles != null) ? roles : Set.of(), source());
			String target = (outcome.cancelled() || outcome.remainsElsewhere()) ? list.listUrl() : dialog;
			this.undo.on(RemovalBanners.of(outcome, this::label), outcome, target).flash(attributes);
			return "redirect:" + target;
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + dialog;
	}

	private String label(RemovalOutcome outcome) {
		return outcome.removed()
			.stream()
			.map((offer) -> this.messages.getMessage(offer.role().labelCode(), null, LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(", "));
	}

	private String source() {
		return this.messages.getMessage("history.source.dialog", null, LocaleContextHolder.getLocale());
	}

}
