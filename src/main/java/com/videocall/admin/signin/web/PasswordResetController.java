package com.videocall.admin.signin.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.videocall.admin.signin.PasswordResetProperties;
import com.videocall.admin.signin.PasswordResets;
import com.videocall.admin.signin.PasswordResets.Link;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.RateLimit;
import com.videocall.admin.web.RateLimits;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SignInProperties;
import com.videocall.admin.web.SingleSignOnProviders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?" (SI9), open to anyone: the page asking for an email, and the
 * page an emailed link opens, "Choose a new password".
 * <p>
 * Whatever is typed, an address with an account or without, malformed text, or a request
 * over a limit, the answer is the same redirect to the same page, "If an account uses
 * this address, we have sent it a link." (SI8), after the same work: the client address
 * counted, the request handed to {@link PasswordResetRequests}, which does the rest on a
 * thread of its own. Requests are limited per client address here and per account there
 * ({@code app.sign-in.password-reset.*}), in their own counts: they never hold back
 * anyone's sign-in.
 * <p>
 * A link's page counts each link that does not work against the client address, under the
 * sign-in limit for one address ({@code app.sign-in.failures-per-address} within
 * {@code app.sign-in.window}): each visit is counted before its token is looked up and
 * handed back when the link works, as at sign-in, so nobody can try tokens without end. A
 * link used, expired or unknown gets one answer. The new password follows the rules of
 * setting up an account (I5); once it is set, every session of the account ends (this
 * browser's too, if it was one of them), the person is emailed, and they are sent to sign
 * in with it: the second factor is still asked (SI1). Tokens never go into log lines;
 * each request or link a limit refuses is a line in the security log.
 */
@Controller
class PasswordResetController {

	private static final String REQUEST = "password-reset/request";

	private static final String CHOOSE = "password-reset/choose";

	private static final String LINK = "password-reset/link";

	private final PasswordResets resets;

	private final PasswordResetRequests requests;

	private final NewPasswords newPasswords;

	private final SignedInSessions sessions;

	private final RateLimits limits;

	private final SingleSignOnProviders providers;

	/** "Forgot your password?" requests per client address, for any email typed. */
	private final RateLimit perAddress;

	/** Links that do not work, per client address. */
	private final RateLimit wrongLinks;

	private final long validityMinutes;

	private final SecurityLog securityLog;

	PasswordResetController(PasswordResets resets, PasswordResetRequests requests, NewPasswords newPasswords,
			SignedInSessions sessions, RateLimits limits, PasswordResetProperties properties, SignInProperties signIn,
			SingleSignOnProviders providers, SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.providers = providers;
		this.resets = resets;
		this.requests = requests;
		this.newPasswords = newPasswords;
		this.sessions = sessions;
		this.limits = limits;
		this.perAddress = new RateLimit("password-reset.address", properties.requestsPerAddress(),
				properties.requestWindow());
		this.wrongLinks = new RateLimit("password-reset-link.address", signIn.failuresPerAddress(), signIn.window());
		this.validityMinutes = properties.linkValidity().toMinutes();
	}

	/** The form, or with {@code ?sent} the answer to it. */
	@GetMapping("/password-reset")
	String form(HttpServletRequest request, Model model) {
		model.addAttribute("sent", request.getParameterMap().containsKey("sent"));
		model.addAttribute("validityMinutes", this.validityMinutes);
		return REQUEST;
	}

	@PostMapping("/password-reset")
	String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
		// A domain that signs in with the organisation's provider only (SI5) has no
		// password to choose; the answer is the same.
		if (!this.limits.tryAcquire(this.perAddress, request.getRemoteAddr())) {
			this.securityLog.write(Action.PASSWORD_RESET_THROTTLED, "too many requests from the address",
					SecurityLog.User.typed(email));
		}
		else if (!this.providers.requiredFor(email)) {
			this.requests.submit(email);
		}
		return "redirect:/password-reset?sent";
	}

	@GetMapping("/password-reset/{token}")
	String link(@PathVariable String token, HttpServletRequest request, Model model) {
		Optional<Link> link = open(token, request.getRemoteAddr(), model);
		if (link.isEmpty()) {
			return LINK;
		}
		return choose(token, link.get(), ErrorSummary.none(), model);
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request, Model model) {
		Optional<Link> link = open(token, request.getRemoteAddr(), model);
		if (link.isEmpty()) {
			return LINK;
		}
		ErrorSummary errors = this.newPasswords.problems(newPassword, confirmPassword, link.get().email());
		if (!errors.isEmpty()) {
			return choose(token, link.get(), errors, model);
		}
		Optional<Link> reset = this.resets.reset(token, newPassword);
		if (reset.isEmpty()) {
			// Used by another request meanwhile (or it expired a moment ago).
			model.addAttribute("throttled", false);
			return LINK;
		}
		// Once the new password is committed: no session signed in before it survives.
		this.sessions.signOutEverywhere(reset.get().email());
		return "redirect:/sign-in?password-changed";
	}

	/**
	 * The link's account while the link works, counting it against the address first;
	 * else what to say: throttled, or that the link does not work.
	 */
	private Optional<Link> open(String token, String address, Model model) {
		if (!this.limits.tryAcquire(this.wrongLinks, address)) {
			this.securityLog.write(Action.PASSWORD_RESET_THROTTLED, "too many links that do not work from the address",
					SecurityLog.User.UNKNOWN);
			model.addAttribute("throttled", true);
			model.addAttribute("waitMinutes", this.wrongLinks.window().toMinutes());
			return Optional.empty();
		}
		Optional<Link> link = this.resets.find(token);
		if (link.isPresent()) {
			this.limits.release(this.wrongLinks, address);
		}
		else {
			model.addAttribute("throttled", false);
		}
		return link;
	}

	private String choose(String token, Link link, ErrorSummary errors, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("email", link.email());
		model.addAttribute("errorSummary", errors);
		return CHOOSE;
	}

}
