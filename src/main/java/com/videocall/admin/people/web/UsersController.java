package com.videocall.admin.people.web;

import com.videocall.admin.account.SecondFactors;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.people.SecondFactorResets;
import com.videocall.admin.people.StatusFilter;
import com.videocall.admin.people.UserProfiles;
import com.videocall.admin.people.Users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Users list (U1, U2) and a user's details (U3), with "Reset second factor" where
 * allowed (SI4).
 */
@Controller
class UsersController {

	private final Users users;

	private final UserProfiles profiles;

	private final SecondFactorResets resets;

	private final SecondFactors factors;

	UsersController(Users users, UserProfiles profiles, SecondFactorResets resets, SecondFactors factors) {
		this.users = users;
		this.profiles = profiles;
		this.resets = resets;
		this.factors = factors;
	}

	@GetMapping("/users")
	String list(AdministratorScope scope, @ModelAttribute("list") UsersListState list, Model model) {
		model.addAttribute("users",
				this.users.find(scope, list.search(), StatusFilter.parse(list.status()), list.position()));
		model.addAttribute("statuses", StatusFilter.values());
		return "users/list";
	}

	@GetMapping("/users/{id}")
	String detail(AdministratorScope scope, @PathVariable long id, @ModelAttribute("list") UsersListState list,
			Model model) {
		model.addAttribute("user", this.profiles.get(scope, id));
		// SI4: offered only where it can be done.
		model.addAttribute("mayResetSecondFactor", this.resets.mayReset(scope, id) && this.factors.anySetUpBy(id));
		return "users/detail";
	}

}
