package com.videocall.admin.directory.web;

import java.util.List;
import java.util.Map;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.HomePageSection;
import com.videocall.admin.directory.RoleGrants;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the signed-in account's own roles; an administrator also sees the areas
 * they look after, by kind, each leading to its list.
 */
@Controller
class HomeController {

	private final RoleGrants roleGrants;

	private final Areas areas;

	private final List<HomePageSection> sections;

	HomeController(RoleGrants roleGrants, Areas areas, List<HomePageSection> sections) {
		this.roleGrants = roleGrants;
		this.areas = areas;
		this.sections = sections;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser me, AdministratorScope scope, Model model) {
		model.addAttribute("roles", this.roleGrants.heldBy(me.accountId()));
		model.addAttribute("everything", scope.everything());
		model.addAttribute("areaCounts", administers(scope) ? counts(scope) : List.of());
		if (administers(scope)) {
			this.sections.forEach((section) -> model.addAttribute(section.name(), section.of(scope)));
		}
		return "home";
	}

	private List<AreaCount> counts(AdministratorScope scope) {
		Map<AreaKind, Long> counts = this.areas.countByKind(scope);
		return List.of(AreaKind.WAITING_AREA, AreaKind.MEETING_ROOM, AreaKind.ORGANISATIONAL_UNIT)
			.stream()
			.map((kind) -> new AreaCount(kind, counts.get(kind)))
			.toList();
	}

	private static boolean administers(AdministratorScope scope) {
		return scope.everything() || !scope.areaIds().isEmpty();
	}

	/** How many areas of one kind the administrator looks after. */
	record AreaCount(AreaKind kind, long count) {
	}

}
