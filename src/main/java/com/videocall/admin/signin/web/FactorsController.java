package com.videocall.admin.signin.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.signin.Passkeys;
import com.videocall.admin.signin.SecondFactorService;
import com.videocall.admin.signin.SecondFactorService.Removal;
import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.FormText;
import com.videocall.admin.web.SecondFactorPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's factors on "Security" (SI3): "Add a passkey", "Rename" and "Remove" a
 * passkey, "Remove" the authenticator app. Adding and removing need a factor confirmed in
 * the last 5 minutes ("Confirm it's you" first, then back here) and email the person; the
 * last factor of an administrator cannot be removed.
 */
@Controller
class FactorsController {

	private final SecondFactorService factors;

	private final Passkeys passkeys;

	private final SecondFactorPolicy policy;

	private final MessageSource messages;

	FactorsController(SecondFactorService factors, Passkeys passkeys, SecondFactorPolicy policy,
			MessageSource messages) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.policy = policy;
		this.messages = messages;
	}

	@GetMapping("/security/passkeys/new")
	String newPasskey(@AuthenticationPrincipal AccountUser me, HttpServletRequest request) {
		if (!this.factors.anySetUpBy(me.accountId())) {
			return "redirect:/sign-in/set-up";
		}
		if (!this.policy.freshOrConfirmFirst(request, "/security/passkeys/new")) {
			return "redirect:/sign-in/confirm";
		}
		return "security/new-passkey";
	}

	/** The page after a passkey was registered from "Add a passkey" (by script). */
	@PostMapping("/security/passkeys/added")
	String passkeyAdded(HttpSession session, RedirectAttributes redirect) {
		if (Passkeys.registeredIn(session)) {
			Banner.flash(redirect, Kind.SUCCESS, "security.passkeys.added.banner");
		}
		return "redirect:/security";
	}

	@GetMapping("/security/passkeys/{id}/rename")
	String rename(@AuthenticationPrincipal AccountUser me, @PathVariable String id, Model model,
			RedirectAttributes redirect) {
		return this.passkeys.one(me.getUsername(), id)
			.map((passkey) -> renamePage(passkey, passkey.name(), ErrorSummary.none(), model))
			.orElseGet(() -> notFound(redirect));
	}

	@PostMapping("/security/passkeys/{id}/rename")
	String rename(@AuthenticationPrincipal AccountUser me, @PathVariable String id,
			@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		var passkey = this.passkeys.one(me.getUsername(), id);
		if (passkey.isEmpty()) {
			return notFound(redirect);
		}
		String typed = name.strip();
		String problem = typed.isEmpty() ? "security.passkeys.rename.blank"
				: (typed.length() > Passkeys.NAME_LENGTH) ? "security.passkeys.rename.tooLong"
						: !typed.matches(FormText.ONE_LINE) ? "security.passkeys.rename.invalid" : null;
		if (problem != null) {
			return renamePage(passkey.get(), name, ErrorSummary.none()
				.and("name", this.messages.getMessage(problem, null, LocaleContextHolder.getLocale())), model);
		}
		this.passkeys.rename(me.getUsername(), id, typed);
		Banner.flash(redirect, Kind.SUCCESS, "security.passkeys.renamed", typed);
		return "redirect:/security";
	}

	@PostMapping("/security/passkeys/{id}/remove")
	String removePasskey(@AuthenticationPrincipal AccountUser me, @PathVariable String id, HttpServletRequest request,
			RedirectAttributes redirect) {
		var passkey = this.passkeys.one(me.getUsername(), id);
		if (passkey.isEmpty()) {
			return notFound(redirect);
		}
		if (!this.policy.freshOrConfirmFirst(request, "/security")) {
			return "redirect:/sign-in/confirm";
		}
		Removal removal = this.factors.removePasskey(me.accountId(), me.getUsername(), administrator(me), id);
		return removed(removal, redirect, "security.passkeys.removed", passkey.get().name());
	}

	@PostMapping("/security/authenticator-app/remove")
	String removeAuthenticatorApp(@AuthenticationPrincipal AccountUser me, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!this.factors.hasAuthenticatorApp(me.accountId())) {
			return "redirect:/security";
		}
		if (!this.policy.freshOrConfirmFirst(request, "/security")) {
			return "redirect:/sign-in/confirm";
		}
		Removal removal = this.factors.removeAuthenticatorApp(me.accountId(), me.getUsername(), administrator(me));
		return removed(removal, redirect, "security.app.removed");
	}

	private String removed(Removal removal, RedirectAttributes redirect, String done, Object... arguments) {
		switch (removal) {
			case REMOVED -> Banner.flash(redirect, Kind.SUCCESS, done, arguments);
			case LAST_FACTOR -> Banner.flash(redirect, Kind.ERROR, "security.lastFactor");
			case NOT_FOUND -> Banner.flash(redirect, Kind.INFORMATION, "security.passkeys.notFound");
		}
		return "redirect:/security";
	}

	private String renamePage(Passkeys.Passkey passkey, String typed, ErrorSummary errors, Model model) {
		model.addAttribute("passkey", passkey);
		model.addAttribute("name", typed);
		model.addAttribute("errorSummary", errors);
		return "security/rename-passkey";
	}

	private static String notFound(RedirectAttributes redirect) {
		Banner.flash(redirect, Kind.INFORMATION, "security.passkeys.notFound");
		return "redirect:/security";
	}

	private static boolean administrator(AccountUser me) {
		return me.getAuthorities().stream().anyMatch((held) -> Authorities.ADMINISTRATOR.equals(held.getAuthority()));
	}

}
