package com.videocall.admin.directory.web;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.web.Paging;

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

	private final Areas areas;

	AreaController(Areas areas) {
		this.areas = areas;
	}

	@GetMapping("/organisational-units")
	String units(AdministratorScope scope, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(scope, AreaKind.ORGANISATIONAL_UNIT, q, page, model);
	}

	@GetMapping("/waiting-areas")
	String waitingAreas(AdministratorScope scope, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(scope, AreaKind.WAITING_AREA, q, page, model);
	}

	@GetMapping("/meeting-rooms")
	String meetingRooms(AdministratorScope scope, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return list(scope, AreaKind.MEETING_ROOM, q, page, model);
	}

	@GetMapping("/organisational-units/{id}")
	String unit(AdministratorScope scope, @PathVariable long id, Model model) {
		model.addAttribute("area", this.areas.get(scope, AreaKind.ORGANISATIONAL_UNIT, id));
		return "areas/unit";
	}

	@GetMapping("/waiting-areas/{id}")
	String waitingArea(AdministratorScope scope, @PathVariable long id, Model model) {
		model.addAttribute("area", this.areas.get(scope, AreaKind.WAITING_AREA, id));
		return "areas/waiting-area";
	}

	@GetMapping("/waiting-areas/{id}/settings")
	String waitingAreaSettings(AdministratorScope scope, @PathVariable long id, Model model) {
		model.addAttribute("area", this.areas.get(scope, AreaKind.WAITING_AREA, id));
		return "areas/waiting-area-settings";
	}

	private String list(AdministratorScope scope, AreaKind kind, String q, int page, Model model) {
		String search = SearchText.of(q);
		model.addAttribute("kind", kind);
		model.addAttribute("q", search);
		model.addAttribute("areas", this.areas.list(scope, kind, search, Paging.page(page)));
		return "areas/list";
	}

}
