package com.videocall.admin.signin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.apache.commons.codec.binary.Base32;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.signin.Passkeys;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.FailureThrottle;
import com.videocall.admin.web.FailureThrottle.Outcome;
import com.videocall.admin.web.RateLimits;
import com.videocall.admin.web.SecondFactorPolicy;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SignInEventPublisher;
import com.videocall.admin.web.SignInProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in (SI1) and setting a second factor up (SI2): "Confirm it's
 * you" with a code from the authenticator app, a passkey ({@link PasskeySignIn}) or a
 * recovery code, and "Set up a second factor" for an account that has none: "Add a
 * passkey" or "Use an authenticator app". The key of an app being set up waits in the
 * session, encrypted, until its first code confirms it; the recovery codes are shown
 * once, in the answer to that confirmation, and stored only as digests. A wrong code or
 * recovery code, and any code the throttle refuses, is a line in the security log; a
 * wrong one at the second step refuses a sign-in ({@code SignInRefused}).
 */
@Controller
class SecondFactorController {

	private static final String PENDING_KEY = SecondFactorController.class.getName() + ".pendingKey";

	private static final String ISSUER = "Video Call Admin";

	private static final Base32 BASE32 = new Base32();

	private final SecondFactorService factors;

	private final FactorConfirmation confirmation;

	private final Passkeys passkeys;

	private final SecondFactorPolicy policy;

	private final MessageSource messages;

	private final FailureThrottle throttle;

	private final long throttleMinutes;

	private final SecurityLog securityLog;

	private final SignInEventPublisher events;

	SecondFactorController(SecondFactorService factors, FactorConfirmation confirmation, Passkeys passkeys,
			SecondFactorPolicy policy, MessageSource messages, RateLimits limits, SignInProperties properties,
			SecurityLog securityLog, SignInEventPublisher events) {
		this.securityLog = securityLog;
		this.events = events;
		this.passkeys = passkeys;
		this.policy = policy;
		this.factors = factors;
		this.confirmation = confirmation;
		this.messages = messages;
		this.throttle = new FailureThrottle(limits, "second-factor", properties);
		this.throttleMinutes = properties.window().toMinutes();
	}

	/**
	 * Where the second step starts: confirming the factor the account has, or setting one
	 * up.
	 */
	@GetMapping("/sign-in/second-factor")
	String secondFactor(@AuthenticationPrincipal AccountUser me) {
		return this.factors.anySetUpBy(me.accountId()) ? "redirect:/sign-in/confirm" : "redirect:/sign-in/set-up";
	}

	@GetMapping("/sign-in/confirm")
	String confirm(@AuthenticationPrincipal AccountUser me, Model model) {
		if (!this.factors.anySetUpBy(me.accountId())) {
			return "redirect:/sign-in/second-factor";
		}
		return confirmPage(me, model, ErrorSummary.none());
	}

	@PostMapping("/sign-in/confirm")
	String confirmWithApp(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Outcome outcome = confirmed(me, request, "wrong code", () -> this.factors.confirmWithApp(me.accountId(), code));
		if (outcome == Outcome.RIGHT) {
			this.confirmation.confirm(Authorities.AUTHENTICATOR_APP_FACTOR, false, request, response);
			return "redirect:" + this.confirmation.next(request, response);
		}
		return confirmPage(me, model, problem("code", outcome));
	}

	@GetMapping("/sign-in/recovery-code")
	String recoveryCode(Model model) {
		return recoveryCodePage(model, ErrorSummary.none());
	}

	@PostMapping("/sign-in/recovery-code")
	String confirmWithRecoveryCode(@AuthenticationPrincipal AccountUser me,
			@RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Outcome outcome = confirmed(me, request, "wrong recovery code",
				() -> this.factors.confirmWithRecoveryCode(me.accountId(), recoveryCode));
		if (outcome == Outcome.RIGHT) {
			this.confirmation.confirm(Authorities.RECOVERY_CODE_FACTOR, false, request, response);
			return "redirect:" + this.confirmation.next(request, response);
		}
		return recoveryCodePage(model, problem("recoveryCode", outcome));
	}

	@GetMapping("/sign-in/set-up")
	String setUp(@AuthenticationPrincipal AccountUser me) {
		return this.factors.anySetUpBy(me.accountId()) ? "redirect:/sign-in/second-factor" : "sign-in/set-up";
	}

	/**
	 * After a passkey was registered in this session (by script), as the second step: the
	 * sign-in holds it as its second factor, and the recovery codes are shown once.
	 */
	@PostMapping("/sign-in/set-up/passkey")
	String passkeySetUp(@AuthenticationPrincipal AccountUser me, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!Passkeys.registeredIn(request.getSession())) {
			return "redirect:/sign-in/second-factor";
		}
		this.confirmation.confirm(Authorities.PASSKEY_FACTOR, true, request, response);
		return recoveryCodesPage(this.factors.newRecoveryCodes(me.accountId()),
				this.confirmation.next(request, response), model);
	}

	/**
	 * An authenticator app, set up as the second step or added on "Security" beside
	 * passkeys (after a factor confirmed in the last 5 minutes, SI3).
	 */
	@GetMapping("/sign-in/set-up/authenticator-app")
	String authenticatorApp(@AuthenticationPrincipal AccountUser me, HttpServletRequest request, HttpSession session,
			Model model) {
		Optional<String> elsewhere = notToSetUpAnApp(me, request);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		return authenticatorAppPage(me, pendingKey(session), model, ErrorSummary.none());
	}

	@PostMapping("/sign-in/set-up/authenticator-app")
	String setUpAuthenticatorApp(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
		Optional<String> elsewhere = notToSetUpAnApp(me, request);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		byte[] key = pendingKey(session);
		List<String> recoveryCodes = new ArrayList<>();
		Outcome outcome = throttled(me, request,
				() -> this.factors.setUpAuthenticatorApp(me.accountId(), me.getUsername(), key, code)
					.map(recoveryCodes::addAll)
					.isPresent());
		if (outcome != Outcome.RIGHT) {
			return authenticatorAppPage(me, key, model, problem("code", outcome));
		}
		request.getSession().removeAttribute(PENDING_KEY);
		this.confirmation.confirm(Authorities.AUTHENTICATOR_APP_FACTOR, true, request, response);
		return recoveryCodesPage(recoveryCodes, this.confirmation.next(request, response), model);
	}

	/**
	 * Checks a code unless the throttle refuses the attempt, which the security log then
	 * says.
	 */
	private Outcome throttled(AccountUser me, HttpServletRequest request, BooleanSupplier check) {
		Outcome outcome = this.throttle.attempt("account " + me.accountId(), request.getRemoteAddr(), check);
		if (outcome == Outcome.THROTTLED) {
			this.securityLog.write(Action.SIGN_IN_THROTTLED, "too many wrong codes", user(me));
		}
		return outcome;
	}

	/**
	 * Checks a code that confirms who is signing in, or "Confirm it's you": a wrong one
	 * (for {@code reason}) is a failed sign-in in the security log, and refuses the
	 * sign-in when it is one (not a confirmation of someone signed in already).
	 */
	private Outcome confirmed(AccountUser me, HttpServletRequest request, String reason, BooleanSupplier check) {
		Outcome outcome = throttled(me, request, check);
		if (outcome == Outcome.WRONG) {
			this.securityLog.write(Action.SIGN_IN_FAILED, reason, user(me));
			if (this.policy.missingSecondFactor(SecurityContextHolder.getContext().getAuthentication())) {
				this.events.refused(me.accountId(), reason);
			}
		}
		return outcome;
	}

	private static SecurityLog.User user(AccountUser me) {
		return new SecurityLog.User(me.accountId(), me.getUsername());
	}

	/**
	 * Where to go instead of setting up an app: back to the second step if the account
	 * has one already, to "Confirm it's you" if it has another factor not confirmed in
	 * the last 5 minutes.
	 */
	private Optional<String> notToSetUpAnApp(AccountUser me, HttpServletRequest request) {
		if (this.factors.hasAuthenticatorApp(me.accountId())) {
			return Optional.of("redirect:/sign-in/second-factor");
		}
		if (this.factors.anySetUpBy(me.accountId())
				&& !this.policy.freshOrConfirmFirst(request, "/sign-in/set-up/authenticator-app")) {
			return Optional.of("redirect:/sign-in/confirm");
		}
		return Optional.empty();
	}

	private String confirmPage(AccountUser me, Model model, ErrorSummary errors) {
		model.addAttribute("hasApp", this.factors.hasAuthenticatorApp(me.accountId()));
		model.addAttribute("hasPasskey", this.passkeys.anyOf(me.getUsername()));
		model.addAttribute("errorSummary", errors);
		return "sign-in/confirm";
	}

	private String recoveryCodePage(Model model, ErrorSummary errors) {
		model.addAttribute("errorSummary", errors);
		return "sign-in/recovery-code";
	}

	private String authenticatorAppPage(AccountUser me, byte[] key, Model model, ErrorSummary errors) {
		String text = BASE32.encodeAsString(key).replace("=", "");
		String label = URLEncoder.encode(ISSUER + ":" + me.getUsername(), StandardCharsets.UTF_8).replace("+", "%20");
		String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer="
				+ URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20");
		model.addAttribute("qrCode", QrCodeSvg.of(uri));
		model.addAttribute("key", text.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("errorSummary", errors);
		return "sign-in/authenticator-app";
	}

	private String recoveryCodesPage(List<String> codes, String next, Model model) {
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", next);
		return "sign-in/recovery-codes";
	}

	/**
	 * The key being set up in this session, made on the first visit and kept until
	 * confirmed.
	 */
	private byte[] pendingKey(HttpSession session) {
		Optional<byte[]> kept = Optional.ofNullable((String) session.getAttribute(PENDING_KEY))
			.map(this.factors::unsealKey);
		if (kept.isPresent()) {
			return kept.get();
		}
		byte[] key = this.factors.newKey();
		session.setAttribute(PENDING_KEY, this.factors.sealKey(key));
		return key;
	}

	private ErrorSummary problem(String field, Outcome outcome) {
		String text = (outcome == Outcome.THROTTLED)
				? this.messages.getMessage("secondFactor.throttled", new Object[] { this.throttleMinutes },
						LocaleContextHolder.getLocale())
				: this.messages.getMessage("secondFactor.wrong." + field, null, LocaleContextHolder.getLocale());
		return ErrorSummary.none().and(field, text);
	}

}
