package com.videocall.admin.invitation.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.videocall.admin.account.PasswordPolicy;
import com.videocall.admin.invitation.InvitationAcceptance.Accepted;
import com.videocall.admin.invitation.InvitationAcceptance;
import com.videocall.admin.invitation.InvitationProperties;
import com.videocall.admin.invitation.LinkStatus;
import com.videocall.admin.invitation.LinkView;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.NotFoundException;
import com.videocall.admin.web.RateLimit;
import com.videocall.admin.web.RateLimits;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SingleSignOnProviders;
import com.videocall.admin.web.SingleSignOnProviders.Provider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The page an emailed link opens (I2–I4), and its "Set up with …" (SI5). GET never
 * changes anything (the set-up with a provider remembers, in the visitor's own session,
 * which link it is for); each link status has its own page; unknown and malformed tokens
 * are "not found". Tokens never go into log messages.
 */
@Controller
@RequestMapping("/invitation/{token}")
class InvitationLinkController {

	private static final String SET_UP = "invitation-link/set-up";

	private static final String STATUS = "invitation-link/status";

	private static final List<String> FIELDS = List.of("fullName", "password", "confirmPassword");

	/** Real tokens have 43 characters. */
	private static final int MAX_TOKEN_LENGTH = 100;

	private final InvitationAcceptance acceptance;

	private final PasswordPolicy passwords;

	private final SignInAfterSetUp signIn;

	private final RateLimits limits;

	private final MessageSource messages;

	private final SingleSignOnProviders providers;

	/**
	 * New links per client address: each one emails the invitee, so a client may not
	 * flood an inbox. Only real expired links count (unknown tokens cost nothing); each
	 * request refused is a line in the security log.
	 */
	private final RateLimit newLinks;

	private final SecurityLog securityLog;

	InvitationLinkController(InvitationAcceptance acceptance, PasswordPolicy passwords, SignInAfterSetUp signIn,
			RateLimits limits, InvitationProperties properties, MessageSource messages, SingleSignOnProviders providers,
			SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.providers = providers;
		this.acceptance = acceptance;
		this.passwords = passwords;
		this.signIn = signIn;
		this.limits = limits;
		this.messages = messages;
		this.newLinks = new RateLimit("new-link.address", properties.newLinksPerAddress(), properties.newLinkWindow());
	}

	@GetMapping
	String show(@PathVariable String token, Model model) {
		LinkView link = this.acceptance.inspect(token).orElseThrow(() -> new NotFoundException("invitation link"));
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		if (link.status() != LinkStatus.VALID) {
			return STATUS;
		}
		model.addAttribute("form", AccountSetUpForm.empty());
		model.addAttribute("errorSummary", ErrorSummary.none());
		return SET_UP;
	}

	@PostMapping
	String setUp(@PathVariable String token, @Valid @ModelAttribute("form") AccountSetUpForm form, BindingResult result,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes attributes) {
		LinkView link = this.acceptance.inspect(token).orElseThrow(() -> new NotFoundException("invitation link"));
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		if (link.status() != LinkStatus.VALID) {
			return STATUS;
		}
		if (this.providers.requiredFor(link.email())) {
			// Its domain signs in with the provider only: the page offers nothing else.
			return "redirect:" + linkPage(token);
		}
		this.passwords.problem(form.password(), link.email())
			.ifPresent((problem) -> result.rejectValue("password", problem));
		if (form.password() != null && !form.password().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			// The page shows the name again, never the passwords.
			model.addAttribute("errorSummary", ErrorSummary.of(result, this.messages, FIELDS, Map.of()));
			return SET_UP;
		}
		Accepted accepted = this.acceptance.accept(token, form.fullName(), form.password())
			.orElseThrow(() -> new NotFoundException("invitation link"));
		if (accepted.status() != LinkStatus.VALID) {
			model.addAttribute("link",
					new LinkView(accepted.status(), link.email(), link.rolesOnOffer(), link.expiresAt()));
			return STATUS;
		}
		this.signIn.signIn(accepted.email(), request, response);
		Banner.flash(attributes, Kind.SUCCESS, "link.welcome");
		return "redirect:/";
	}

	/**
	 * "Set up with …" (SI5): remembers in the session which invitation is being set up
	 * (the token never goes to the provider) and starts the provider's sign-in; the
	 * sign-in module finishes the set-up when the provider answers. Nothing of the
	 * invitation changes here.
	 */
	@GetMapping("/single-sign-on/{provider}")
	String setUpWithProvider(@PathVariable String token, @PathVariable String provider, HttpServletRequest request) {
		LinkView link = this.acceptance.inspect(token).orElseThrow(() -> new NotFoundException("invitation link"));
		Provider chosen = this.providers.withId(provider).orElseThrow(() -> new NotFoundException("provider"));
		if (link.status() != LinkStatus.VALID) {
			return "redirect:" + linkPage(token);
		}
		request.getSession().setAttribute(InvitationAcceptance.PROVIDER_SET_UP_TOKEN, token);
		return "redirect:" + chosen.signInPath() + "?" + InvitationAcceptance.PROVIDER_SET_UP_PARAMETER;
	}

	@PostMapping("/new-link")
	String newLink(@PathVariable String token, HttpServletRequest request, RedirectAttributes attributes) {
		LinkView link = this.acceptance.inspect(token).orElseThrow(() -> new NotFoundException("invitation link"));
		if (link.status() == LinkStatus.EXPIRED && !this.limits.tryAcquire(this.newLinks, request.getRemoteAddr())) {
			this.securityLog.write(Action.NEW_LINK_THROTTLED, "too many new links from the address",
					SecurityLog.User.typed(link.email()));
			Banner.flash(attributes, Kind.ERROR, "link.newLinkLimited");
			return "redirect:" + linkPage(token);
		}
		LinkStatus status = this.acceptance.requestNewLink(token)
			.orElseThrow(() -> new NotFoundException("invitation link"));
		if (status == LinkStatus.EXPIRED) {
			Banner.flash(attributes, Kind.SUCCESS, "link.newLinkSent");
		}
		return "redirect:" + linkPage(token);
	}

	/**
	 * The link's page, to return to. The token is encoded (a brace stays text, not a URI
	 * template variable); one far longer than a real token is no link at all, and would
	 * make the redirect too large to send.
	 */
	static String linkPage(String token) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw new NotFoundException("invitation link");
		}
		return "/invitation/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
	}

}
