package com.videocall.admin.invitation.web;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.people.StatusFilter;
import com.videocall.admin.people.Users;
import com.videocall.admin.people.web.UsersListState;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Users list behind the Manage Invitation dialog and its steps (M5): its rows, search
 * and filter as the administrator left them, without counting the list again ("Close"
 * leads to the list itself); the banner shows inside the dialog.
 */
@Component
class DialogBackdrop {

	private final Users users;

	DialogBackdrop(Users users) {
		this.users = users;
	}

	void add(AdministratorScope scope, UsersListState list, Model model) {
		model.addAttribute("bannerInDialog", true);
		model.addAttribute("users",
				this.users.findUncounted(scope, list.search(), StatusFilter.parse(list.status()), list.position()));
		model.addAttribute("statuses", StatusFilter.values());
	}

}
