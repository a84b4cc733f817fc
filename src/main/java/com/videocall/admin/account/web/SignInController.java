package com.videocall.admin.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST and "Sign out". */
@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn() {
		return "sign-in";
	}

}
