package com.videocall.admin.signin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.signin.Passkeys;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.signin.SecurityNotices;
import com.videocall.admin.signin.SignInHistory;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.SecondFactorPolicy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Security" (SI3), for everyone signed in: their passkeys and authenticator app (changed
 * by {@link FactorsController}), the recovery codes left and new ones (after a factor
 * confirmed in the last 5 minutes; the person is emailed), and their signed-in sessions,
 * each of which they can end, their recent sign-ins and factor changes (AC2), and whether
 * they are emailed when someone they invited sets up their account (LC5). "Change
 * password" is {@link PasswordController}.
 */
@Controller
class SecurityController {

	/** How many of the person's sign-ins and factor changes the page lists. */
	private static final int RECENT = 20;

	private final SecondFactorService factors;

	private final SignedInSessions sessions;

	private final SecondFactorPolicy policy;

	private final SecurityNotices notices;

	private final Passkeys passkeys;

	private final SignInHistory history;

	private final AccountManagement accounts;

	SecurityController(SecondFactorService factors, SignedInSessions sessions, SecondFactorPolicy policy,
			SecurityNotices notices, Passkeys passkeys, SignInHistory history, AccountManagement accounts) {
		this.accounts = accounts;
		this.passkeys = passkeys;
		this.history = history;
		this.factors = factors;
		this.sessions = sessions;
		this.policy = policy;
		this.notices = notices;
	}

	@GetMapping("/security")
	String security(@AuthenticationPrincipal AccountUser me, HttpSession session, Model model) {
		model.addAttribute("appAddedAt", this.factors.authenticatorAppAddedAt(me.accountId()).orElse(null));
		model.addAttribute("passkeys", this.passkeys.of(me.getUsername()));
		model.addAttribute("recoveryCodesLeft", this.factors.recoveryCodesLeft(me.accountId()));
		model.addAttribute("sessions", this.sessions.of(me.getUsername(), session.getId()));
		model.addAttribute("activity", this.history.recentOf(me.accountId(), RECENT));
		model.addAttribute("setUpNotices", this.accounts.get(me.accountId()).wantsSetUpNotices());
		return "security/index";
	}

	/**
	 * "Email me when someone I invited sets up their account" (LC5): a checkbox, so an
	 * unticked one sends nothing, which is "off".
	 */
	@PostMapping("/security/notices")
	String notices(@AuthenticationPrincipal AccountUser me,
			@RequestParam(name = "setUpNotices", defaultValue = "false") boolean setUpNotices,
			RedirectAttributes redirect) {
		this.accounts.emailSetUpNotices(me.accountId(), setUpNotices);
		Banner.flash(redirect, Kind.SUCCESS, setUpNotices ? "security.notices.saved.on" : "security.notices.saved.off");
		return "redirect:/security";
	}

	@PostMapping("/security/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal AccountUser me, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!this.factors.anySetUpBy(me.accountId())) {
			return "redirect:/security";
		}
		if (!this.policy.freshOrConfirmFirst(request, "/security")) {
			return "redirect:/sign-in/confirm";
		}
		model.addAttribute("recoveryCodes", this.factors.newRecoveryCodes(me.accountId()));
		model.addAttribute("next", request.getContextPath() + "/security");
		this.notices.tell(me.accountId(), me.getUsername(), "newRecoveryCodes");
		return "sign-in/recovery-codes";
	}

	@PostMapping("/security/sessions/{handle}/sign-out")
	String signOut(@AuthenticationPrincipal AccountUser me, @PathVariable String handle, HttpSession session,
			RedirectAttributes redirect) {
		boolean ended = this.sessions.signOut(me.getUsername(), handle, session.getId());
		Banner.flash(redirect, ended ? Kind.SUCCESS : Kind.INFORMATION,
				ended ? "security.sessions.signedOut" : "security.sessions.alreadyEnded");
		return "redirect:/security";
	}

	@PostMapping("/security/sessions/sign-out-others")
	String signOutOthers(@AuthenticationPrincipal AccountUser me, HttpSession session, RedirectAttributes redirect) {
		int ended = this.sessions.signOutOthers(me.getUsername(), session.getId());
		Banner.flash(redirect, Kind.SUCCESS, "security.sessions.signedOutOthers." + SignedInSessions.howMany(ended),
				ended);
		return "redirect:/security";
	}

}
