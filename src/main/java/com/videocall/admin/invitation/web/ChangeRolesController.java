package com.videocall.admin.invitation.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InvitationView;
import com.videocall.admin.invitation.InvitationView.RoleLine;
import com.videocall.admin.invitation.InvitationViews;
import com.videocall.admin.invitation.RoleChangeOutcome;
import com.videocall.admin.people.web.UsersListState;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.ErrorSummary;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Change Roles" in the Manage Invitation dialog (LC4): a step that chooses roles to
 * remove and roles to add (in the areas of the invitation's roles, or in areas found by
 * name), a confirmation that lists the change with "Yes", then one change and one banner.
 * Both steps are GETs that change nothing; the choices travel in the query, so the steps
 * work without script and "No" leads back with them.
 */
@Controller
@RequestMapping("/users/invitations/{id}/roles")
class ChangeRolesController {

	private final InvitationViews views;

	private final InvitationManagement management;

	private final RoleChoices choices;

	private final Refusals refusals;

	private final DialogBackdrop backdrop;

	private final RoleChangeWords words;

	ChangeRolesController(InvitationViews views, InvitationManagement management, RoleChoices choices,
			Refusals refusals, DialogBackdrop backdrop, RoleChangeWords words) {
		this.words = words;
		this.views = views;
		this.management = management;
		this.choices = choices;
		this.refusals = refusals;
		this.backdrop = backdrop;
	}

	@GetMapping
	String choose(AdministratorScope scope, @PathVariable long id,
			@RequestParam(name = "remove", required = false) Set<Long> remove,
			@RequestParam(name = "add", required = false) List<String> add,
			@RequestParam(name = "find", defaultValue = "") String find, @ModelAttribute("list") UsersListState list,
			Model model, RedirectAttributes attributes) {
		InvitationView invitation = this.views.get(scope, id);
		if (!invitation.isPending()) {
			return ended(invitation, list, attributes);
		}
		return choice(scope, invitation, orNone(remove), this.choices.toAdd(scope, orNone(add)), find,
				ErrorSummary.none(), list, model);
	}

	@GetMapping("/confirm")
	String confirm(AdministratorScope scope, @PathVariable long id, @RequestParam long version,
			@RequestParam(name = "remove", required = false) Set<Long> remove,
			@RequestParam(name = "add", required = false) List<String> add,
			@RequestParam(name = "find", defaultValue = "") String find, @ModelAttribute("list") UsersListState list,
			Model model, RedirectAttributes attributes) {
		InvitationView invitation = this.views.get(scope, id);
		if (!invitation.isPending()) {
			return ended(invitation, list, attributes);
		}
		if (invitation.version() != version) {
			Banner.flash(attributes, Kind.ERROR, "invitation.changed");
			return "redirect:" + list.withState(dialogPath(id));
		}
		List<RoleLine> removed = RoleChoices.toRemove(invitation, orNone(remove));
		Map<RoleOffer, AreaSummary> chosen = this.choices.toAdd(scope, orNone(add));
		List<String> added = chosen.entrySet()
			.stream()
			.filter((offer) -> invitation.roles()
				.stream()
				.noneMatch((line) -> line.areaId() == offer.getKey().areaId() && line.role() == offer.getKey().role()))
			.map((offer) -> this.words.roleInArea(offer.getKey().role(), offer.getValue().name()))
			.toList();
		ErrorSummary errors = ErrorSummary.none();
		if (added.isEmpty() && removed.isEmpty()) {
			errors = problem(invitation, "changeRoles.nothingChosen");
		}
		else if (added.isEmpty() && removed.size() == invitation.roles().size()) {
			errors = problem(invitation, "changeRoles.keepOne");
		}
		if (!errors.isEmpty()) {
			return choice(scope, invitation, orNone(remove), chosen, find, errors, list, model);
		}
		model.addAttribute("invitation", invitation);
		model.addAttribute("added", added);
		model.addAttribute("removed",
				removed.stream().map((role) -> this.words.roleInArea(role.role(), role.areaName())).toList());
		model.addAttribute("removeIds", orNone(remove));
		model.addAttribute("addValues", chosen.keySet().stream().map((offer) -> value(offer)).toList());
		model.addAttribute("backUrl", back(id, list, orNone(remove), chosen));
		this.backdrop.add(scope, list, model);
		return "invitations/confirm-role-change";
	}

	@PostMapping
	String change(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestParam long version, @RequestParam(name = "remove", required = false) Set<Long> remove,
			@RequestParam(name = "add", required = false) List<String> add, @ModelAttribute("list") UsersListState list,
			RedirectAttributes attributes) {
		String dialog = list.withState(dialogPath(id));
		Map<RoleOffer, AreaSummary> chosen = this.choices.toAdd(scope, orNone(add));
		try {
			RoleChangeOutcome outcome = this.management.changeRoles(scope, me, id, version, orNone(remove),
					chosen.keySet(), this.words.text("history.source.dialog"));
			this.words.banner(outcome).flash(attributes);
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + dialog;
	}

	private String choice(AdministratorScope scope, InvitationView invitation, Set<Long> remove,
			Map<RoleOffer, AreaSummary> chosen, String find, ErrorSummary errors, UsersListState list, Model model) {
		String search = SearchText.of(find);
		List<AreaSummary> found = search.isEmpty() ? List.of() : this.choices.find(scope, search);
		model.addAttribute("errorSummary", errors);
		model.addAttribute("invitation", invitation);
		model.addAttribute("remove", remove);
		model.addAttribute("areas",
				RoleChoices.areas(invitation, chosen, found.subList(0, Math.min(found.size(), RoleChoices.FOUND))));
		model.addAttribute("find", search);
		model.addAttribute("foundNone", !search.isEmpty() && found.isEmpty());
		model.addAttribute("foundMore", found.size() > RoleChoices.FOUND);
		model.addAttribute("foundLimit", RoleChoices.FOUND);
		this.backdrop.add(scope, list, model);
		return "invitations/change-roles";
	}

	/**
	 * The page said nothing was chosen, or that no role would be left: at the first box.
	 */
	private ErrorSummary problem(InvitationView invitation, String code) {
		return new ErrorSummary(List
			.of(new ErrorSummary.Item("remove", "remove-" + invitation.roles().get(0).id(), this.words.text(code))));
	}

	private String ended(InvitationView invitation, UsersListState list, RedirectAttributes attributes) {
		Banner.flash(attributes, Kind.INFORMATION, "invitation.ended." + invitation.status());
		return "redirect:" + list.withState(dialogPath(invitation.id()));
	}

	/** The Change Roles step with these choices, for "No". */
	private static String back(long id, UsersListState list, Set<Long> remove, Map<RoleOffer, AreaSummary> chosen) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(list.withState(dialogPath(id) + "/roles"));
		remove.forEach((role) -> url.queryParam("remove", role));
		chosen.keySet().forEach((offer) -> url.queryParam("add", value(offer)));
		return url.build().toUriString();
	}

	private static String value(RoleOffer offer) {
		return RoleChoices.value(offer.areaId(), offer.role());
	}

	private static String dialogPath(long id) {
		return "/users/invitations/" + id;
	}

	private static <T> Set<T> orNone(Set<T> values) {
		return (values != null) ? values : Set.of();
	}

	private static List<String> orNone(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
