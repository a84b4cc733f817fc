package com.videocall.admin.account.web;

import com.videocall.admin.web.SessionTimeouts;
import com.videocall.admin.web.SignInProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST and "Sign out". */
@Controller
class SignInController {

	private final SignInProperties throttle;

	private final SessionTimeouts timeouts;

	SignInController(SignInProperties throttle, SessionTimeouts timeouts) {
		this.throttle = throttle;
		this.timeouts = timeouts;
	}

	@GetMapping("/sign-in")
	String signIn(Model model) {
		// A throttled address waits at most one window.
		model.addAttribute("lockMinutes", this.throttle.window().toMinutes());
		// Why the last session ended by itself (SI6), in the settings' own units.
		model.addAttribute("idleMinutes", this.timeouts.idleTimeout().toMinutes());
		model.addAttribute("absoluteHours", this.timeouts.absoluteTimeout().toHours());
		return "sign-in";
	}

}
