package com.videocall.admin.account.web;

import com.videocall.admin.web.SignInProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST and "Sign out". */
@Controller
class SignInController {

	private final SignInProperties throttle;

	SignInController(SignInProperties throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/sign-in")
	String signIn(Model model) {
		// A throttled address waits at most one window.
		model.addAttribute("lockMinutes", this.throttle.window().toMinutes());
		return "sign-in";
	}

}
