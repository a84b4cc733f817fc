package com.videocall.admin.directory.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.web.Paging;
import com.videocall.admin.web.SearchText;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The three area lists (O1, W1, R1) and the area pages that lead to their people (O2,
 * W2).
 */
@Controller
class AreaController {

	private final AdministratorScopes scopes;

	private final Areas areas;

	AreaController(AdministratorScopes scopes, Areas areas) {
		this.scopes = scopes;
		this.areas = areas;
	}

	@GetMapping("/organisational-units")
	String units(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(me, AreaKind.ORGANISATIONAL_UNIT, q, page, model);
	}

	@GetMapping("/waiting-areas")
	String waitingAreas(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(me, AreaKind.WAITING_AREA, q, page, model);
	}

	@GetMapping("/meeting-rooms")
	String meetingRooms(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(me, AreaKind.MEETING_ROOM, q, page, model);
	}

	@GetMapping("/organisational-units/{id}")
	String unit(@AuthenticationPrincipal AccountUser me, @PathVariable long id, Model model) {
		model.addAttribute("area",
				this.areas.get(this.scopes.forAccount(me.accountId()), AreaKind.ORGANISATIONAL_UNIT, id));
		return "areas/unit";
	}

	@GetMapping("/waiting-areas/{id}")
	String waitingArea(@AuthenticationPrincipal AccountUser me, @PathVariable long id, Model model) {
		model.addAttribute("area", this.areas.get(this.scopes.forAccount(me.accountId()), AreaKind.WAITING_AREA, id));
		return "areas/waiting-area";
	}

	@GetMapping("/waiting-areas/{id}/settings")
	String waitingAreaSettings(@AuthenticationPrincipal AccountUser me, @PathVariable long id, Model model) {
		model.addAttribute("area", this.areas.get(this.scopes.forAccount(me.accountId()), AreaKind.WAITING_AREA, id));
		return "areas/waiting-area-settings";
	}

	private String list(AccountUser me, AreaKind kind, String q, int page, Model model) {
		String search = SearchText.of(q);
		model.addAttribute("kind", kind);
		model.addAttribute("q", search);
		model.addAttribute("areas",
				this.areas.list(this.scopes.forAccount(me.accountId()), kind, search, Paging.page(page)));
		return "areas/list";
	}

}
