package com.videocall.admin.people.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.people.StatusFilter;
import com.videocall.admin.people.UserProfiles;
import com.videocall.admin.people.Users;
import com.videocall.admin.web.Paging;
import com.videocall.admin.web.UsersListState;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The Users list (U1, U2) and a user's details (U3). */
@Controller
class UsersController {

	private final AdministratorScopes scopes;

	private final Users users;

	private final UserProfiles profiles;

	UsersController(AdministratorScopes scopes, Users users, UserProfiles profiles) {
		this.scopes = scopes;
		this.users = users;
		this.profiles = profiles;
	}

	@GetMapping("/users")
	String list(@AuthenticationPrincipal AccountUser me, @ModelAttribute("list") UsersListState list, Model model) {
		model.addAttribute("users", this.users.find(this.scopes.forAccount(me.accountId()), list.search(),
				StatusFilter.parse(list.status()), Paging.page(list.pageNumber())));
		model.addAttribute("statuses", StatusFilter.values());
		return "users/list";
	}

	@GetMapping("/users/{id}")
	String detail(@AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@ModelAttribute("list") UsersListState list, Model model) {
		model.addAttribute("user", this.profiles.get(this.scopes.forAccount(me.accountId()), id));
		return "users/detail";
	}

}
