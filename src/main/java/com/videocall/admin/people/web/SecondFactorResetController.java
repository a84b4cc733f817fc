package com.videocall.admin.people.web;

import jakarta.servlet.http.HttpServletRequest;

import com.videocall.admin.account.SecondFactors;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.people.SecondFactorResets;
import com.videocall.admin.people.UserProfile;
import com.videocall.admin.people.UserProfiles;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.NotFoundException;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SecurityLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Reset second factor" on a person's page (SI4), with a confirmation: for a System
 * Administrator, or an Organisation Administrator whose scope holds every role of the
 * person ({@link SecondFactorResets}); anyone else gets "not found", as for a person out
 * of scope (X1). It needs a second factor confirmed in the last 5 minutes (SI7); the
 * person sets up a new one at their next sign-in, their sessions end, and they are
 * emailed.
 */
@Controller
class SecondFactorResetController {

	private static final Logger logger = LoggerFactory.getLogger(SecondFactorResetController.class);

	private final UserProfiles profiles;

	private final SecondFactorResets resets;

	private final SecondFactors factors;

	private final SecondFactorPolicy policy;

	private final SecurityLog securityLog;

	SecondFactorResetController(UserProfiles profiles, SecondFactorResets resets, SecondFactors factors,
			SecondFactorPolicy policy, SecurityLog securityLog) {
		this.profiles = profiles;
		this.resets = resets;
		this.factors = factors;
		this.policy = policy;
		this.securityLog = securityLog;
	}

	@GetMapping("/users/{id}/second-factor-reset")
	String confirm(AdministratorScope scope, @PathVariable long id, Model model) {
		UserProfile user = resettable(scope, id);
		model.addAttribute("user", user);
		model.addAttribute("hasFactor", this.factors.anySetUpBy(id));
		return "users/reset-second-factor";
	}

	@PostMapping("/users/{id}/second-factor-reset")
	String reset(AdministratorScope scope, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		UserProfile user = resettable(scope, id);
		String back = "/users/" + id + "/second-factor-reset";
		if (!this.policy.freshOrConfirmFirst(request, back)) {
			return "redirect:/sign-in/confirm";
		}
		boolean reset = this.factors.reset(id, user.email(), scope.accountId());
		if (reset) {
			logger.info("Account {} reset the second factor of account {}", scope.accountId(), id);
		}
		Banner.flash(redirect, reset ? Kind.SUCCESS : Kind.INFORMATION,
				reset ? "secondFactorReset.done" : "secondFactorReset.none", user.displayName());
		return "redirect:/users/" + id;
	}

	private UserProfile resettable(AdministratorScope scope, long id) {
		UserProfile user = this.profiles.get(scope, id);
		if (!this.resets.mayReset(scope, id)) {
			this.securityLog.outOfScope(scope.accountId(), "the second factor reset of account " + id);
			throw new NotFoundException("second factor of account " + id);
		}
		return user;
	}

}
