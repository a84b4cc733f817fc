package com.videocall.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "About Video Call Admin": what the console is and which version runs, for anyone signed
 * in (support asks for the version). It reads nothing from the database, which also makes
 * it the benchmark's trivial page: the layout, security and session of every page, and
 * nothing else (README "Benchmarks").
 */
@Controller
class AboutController {

	/** The version in the jar's manifest; none when run from classes (tests, the IDE). */
	private static final String VERSION = AboutController.class.getPackage().getImplementationVersion();

	@GetMapping("/about")
	String about(Model model) {
		model.addAttribute("version", VERSION);
		return "about";
	}

}
