package com.videocall.admin.invitation.web;

import java.util.List;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.AddUsersOutcome;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InviteeProblemsException;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add Users" from an area's people list (A1, A2): all listed people are added, or none.
 */
@Controller
class AddUsersController {

	private static final String FORM = "invitations/add-users";

	private final AreaPages areas;

	private final InvitationManagement management;

	private final MessageSource messages;

	AddUsersController(AreaPages areas, InvitationManagement management, MessageSource messages) {
		this.areas = areas;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping(AreaPages.AREA + "/add-users")
	String form(AdministratorScope scope, @PathVariable String kind, @PathVariable long areaId, Model model) {
		return show(this.areas.area(scope, kind, areaId), AddUsersForm.empty(), model);
	}

	@PostMapping(AreaPages.AREA + "/add-users")
	String add(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable String kind,
			@PathVariable long areaId, @Valid @ModelAttribute("form") AddUsersForm form, BindingResult result,
			Model model, RedirectAttributes attributes) {
		AreaSummary area = this.areas.area(scope, kind, areaId);
		List<Role> roles = form.rolesOf(area.kind());
		if (roles.isEmpty()) {
			result.rejectValue("roles", "addUsers.roles.required");
		}
		if (result.hasErrors()) {
			return show(area, form, model);
		}
		List<RoleOffer> offers = roles.stream().map((role) -> new RoleOffer(role, area.id())).toList();
		try {
			AddUsersOutcome outcome = this.management.addUsers(scope, me, offers, form.recipients(),
					form.customMessage(), source(area));
			banner(outcome).flash(attributes);
			return "redirect:" + AreaPages.peopleUrl(area, "");
		}
		catch (InviteeProblemsException problems) {
			model.addAttribute("problems", problems);
		}
		catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException ex) {
			// Another administrator added the same person at that moment (a new account,
			// or
			// the same pending invitation): everything was rolled back.
			model.addAttribute("banner", Banner.of(Kind.ERROR, "addUsers.concurrent"));
		}
		return show(area, form, model);
	}

	private String show(AreaSummary area, AddUsersForm form, Model model) {
		model.addAttribute("area", area);
		model.addAttribute("form", form);
		model.addAttribute("roles", Role.of(area.kind()));
		model.addAttribute("peopleUrl", AreaPages.peopleUrl(area, ""));
		return FORM;
	}

	private static Banner banner(AddUsersOutcome outcome) {
		Banner banner = null;
		banner = line(banner, "addUsers.invited", outcome.invited());
		banner = line(banner, "addUsers.extended", outcome.extended());
		banner = line(banner, "addUsers.granted", outcome.granted());
		banner = line(banner, "addUsers.unchanged", outcome.unchanged());
		return banner;
	}

	private static Banner line(Banner banner, String code, List<String> emails) {
		if (emails.isEmpty()) {
			return banner;
		}
		String joined = String.join(", ", emails);
		if (banner == null) {
			return Banner.of("addUsers.unchanged".equals(code) ? Kind.INFORMATION : Kind.SUCCESS, code, joined);
		}
		return banner.and(code, joined);
	}

	private String source(AreaSummary area) {
		return this.messages.getMessage("history.source.addUsers", new Object[] { area.name() },
				LocaleContextHolder.getLocale());
	}

}
