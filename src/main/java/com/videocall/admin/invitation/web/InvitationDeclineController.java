package com.videocall.admin.invitation.web;

import com.videocall.admin.invitation.InvitationAcceptance;
import com.videocall.admin.invitation.LinkStatus;
import com.videocall.admin.invitation.LinkView;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "This invitation isn't for me" (LC6), the page the second link of every invitation
 * email opens, with the same token as the set-up link: it says what declining does, and
 * "Decline invitation" (a POST with the CSRF token of the visitor's session, as the
 * set-up form) ends the invitation. Only the newest, unexpired link of a pending
 * invitation declines; any other shows the link's own page. GET never changes anything
 * (mail scanners open links); unknown and malformed tokens are "not found".
 */
@Controller
@RequestMapping("/invitation/{token}/decline")
class InvitationDeclineController {

	private final InvitationAcceptance acceptance;

	InvitationDeclineController(InvitationAcceptance acceptance) {
		this.acceptance = acceptance;
	}

	@GetMapping
	String show(@PathVariable String token, Model model) {
		LinkView link = this.acceptance.inspect(token).orElseThrow(() -> new NotFoundException("invitation link"));
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		return (link.status() == LinkStatus.VALID) ? "invitation-link/decline" : "invitation-link/status";
	}

	/**
	 * Declines once: sent again (double click, back button), it finds the invitation
	 * declined and shows the link's page, which says so, without a second email.
	 */
	@PostMapping
	String decline(@PathVariable String token, RedirectAttributes attributes) {
		String page = InvitationLinkController.linkPage(token);
		LinkStatus before = this.acceptance.decline(token).orElseThrow(() -> new NotFoundException("invitation link"));
		if (before == LinkStatus.VALID) {
			Banner.flash(attributes, Kind.SUCCESS, "link.declined");
		}
		return "redirect:" + page;
	}

}
