package com.videocall.admin.directory.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.RoleGrants;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the signed-in account's own roles; administrators also get the main
 * menu.
 */
@Controller
class HomeController {

	private final RoleGrants roleGrants;

	HomeController(RoleGrants roleGrants) {
		this.roleGrants = roleGrants;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser me, Model model) {
		model.addAttribute("roles", this.roleGrants.heldBy(me.accountId()));
		return "home";
	}

}
