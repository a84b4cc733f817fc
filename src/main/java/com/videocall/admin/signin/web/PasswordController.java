package com.videocall.admin.signin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.signin.PasswordResets;
import com.videocall.admin.signin.SecurityNotices;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.FailureThrottle;
import com.videocall.admin.web.FailureThrottle.Outcome;
import com.videocall.admin.web.RateLimits;
import com.videocall.admin.web.SignInProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change password" on "Security" (SI9): the current password, then the new one twice,
 * under the same rules as setting up an account (I5). Wrong current passwords are
 * throttled like sign-in ({@link FailureThrottle}, limits named
 * {@code password-change.*}), so a session left open does not let anyone guess the
 * password. Once changed, every other session of the account ends, this one gets a new
 * id, any "Forgot your password?" link still working stops working, and the person is
 * emailed.
 */
@Controller
class PasswordController {

	private final AccountManagement accounts;

	private final NewPasswords newPasswords;

	private final SignedInSessions sessions;

	private final SecurityNotices notices;

	private final PasswordResets resets;

	private final MessageSource messages;

	private final FailureThrottle throttle;

	private final long throttleMinutes;

	PasswordController(AccountManagement accounts, NewPasswords newPasswords, SignedInSessions sessions,
			SecurityNotices notices, PasswordResets resets, MessageSource messages, RateLimits limits,
			SignInProperties properties) {
		this.accounts = accounts;
		this.newPasswords = newPasswords;
		this.sessions = sessions;
		this.notices = notices;
		this.resets = resets;
		this.messages = messages;
		this.throttle = new FailureThrottle(limits, "password-change", properties);
		this.throttleMinutes = properties.window().toMinutes();
	}

	@GetMapping("/security/password")
	String form(Model model) {
		model.addAttribute("errorSummary", ErrorSummary.none());
		return "security/password";
	}

	@PostMapping("/security/password")
	String change(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request, HttpSession session,
			Model model, RedirectAttributes redirect) {
		ErrorSummary errors = ErrorSummary.none();
		Outcome current = this.throttle.attempt("account " + me.accountId(), request.getRemoteAddr(),
				() -> this.accounts.isPassword(me.accountId(), currentPassword));
		if (current == Outcome.THROTTLED) {
			errors = errors.and("currentPassword", text("password.change.throttled", this.throttleMinutes));
		}
		else if (current == Outcome.WRONG) {
			errors = errors.and("currentPassword", text("password.change.wrongCurrent"));
		}
		else {
			errors = this.newPasswords.problems(newPassword, confirmPassword, me.getUsername());
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errorSummary", errors);
			return "security/password";
		}
		this.accounts.changePassword(me.accountId(), newPassword);
		this.resets.revokeLinks(me.accountId());
		int ended = this.sessions.signOutOthers(me.getUsername(), session.getId());
		request.changeSessionId();
		this.notices.tell(me.accountId(), me.getUsername(), "passwordChanged");
		Banner.flash(redirect, Kind.SUCCESS, "password.change.done." + SignedInSessions.howMany(ended), ended);
		return "redirect:/security";
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
