package com.videocall.admin.people.web;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.people.AreaPeople;
import com.videocall.admin.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Manage Administrators" of a unit (O2) and "Manage Users" of a waiting area or meeting
 * room (W3, R2).
 */
@Controller
class AreaPeopleController {

	private final Areas areas;

	private final AreaPeople people;

	AreaPeopleController(Areas areas, AreaPeople people) {
		this.areas = areas;
		this.people = people;
	}

	@GetMapping("/organisational-units/{id}/administrators")
	String unitAdministrators(AdministratorScope scope, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "1") int page, Model model) {
		return people(scope, AreaKind.ORGANISATIONAL_UNIT, id, name, page, model);
	}

	@GetMapping("/waiting-areas/{id}/users")
	String waitingAreaUsers(AdministratorScope scope, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "1") int page, Model model) {
		return people(scope, AreaKind.WAITING_AREA, id, name, page, model);
	}

	@GetMapping("/meeting-rooms/{id}/users")
	String meetingRoomUsers(AdministratorScope scope, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "1") int page, Model model) {
		return people(scope, AreaKind.MEETING_ROOM, id, name, page, model);
	}

	private String people(AdministratorScope scope, AreaKind kind, long id, String nameFilter, int page, Model model) {
		String name = SearchText.of(nameFilter);
		AreaSummary area = this.areas.get(scope, kind, id);
		model.addAttribute("area", area);
		model.addAttribute("headingCode", kind.peopleTitleCode());
		model.addAttribute("listPath", kind.peoplePath(id));
		model.addAttribute("name", name);
		model.addAttribute("people", this.people.find(area, name, Paging.page(page)));
		return "people/area-people";
	}

}
