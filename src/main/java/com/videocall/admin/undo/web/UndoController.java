package com.videocall.admin.undo.web;

import java.util.regex.Pattern;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.ActionRefusedException;
import com.videocall.admin.invitation.web.Refusals;
import com.videocall.admin.invitation.web.UndoOffer;
import com.videocall.admin.undo.RemovalUndoing;
import com.videocall.admin.undo.UndoOutcome;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.Banner;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The banner's "Undo" after Cancel Invitation or Remove Roles (UN): a plain form post,
 * back to the page that showed the banner, with what it did or why it did nothing.
 */
@Controller
class UndoController {

	/**
	 * Longer than any page the banner can be on (a list URL with its search of 200
	 * characters, percent-encoded) and short enough for the redirect's headers: Tomcat
	 * answers 500 for response headers over 8 KB, after the undo committed.
	 */
	static final int MAX_BACK_LENGTH = 4_000;

	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/._~%?&=#+,:-]*");

	private final RemovalUndoing undoing;

	private final Refusals refusals;

	UndoController(RemovalUndoing undoing, Refusals refusals) {
		this.undoing = undoing;
		this.refusals = refusals;
	}

	@PostMapping(UndoOffer.URL + "{undoId}")
	String undo(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long undoId,
			@RequestParam(defaultValue = "") String back, RedirectAttributes attributes) {
		String target = local(back);
		try {
			UndoOutcome outcome = this.undoing.undo(scope, me, undoId);
			Banner banner = Banner.of(Kind.SUCCESS, "undo.done", String.join(", ", outcome.restored()));
			((outcome.unchanged() > 0) ? banner.and("undo.unchanged", outcome.unchanged()) : banner).flash(attributes);
		}
		catch (ActionRefusedException | ObjectOptimisticLockingFailureException ex) {
			this.refusals.flash(ex, attributes);
		}
		return "redirect:" + target;
	}

	/**
	 * Only a path of this application, in plain URL characters (no braces, which a
	 * redirect would read as a template), of a length a redirect can carry: never a
	 * redirect elsewhere, nor one too large to send.
	 */
	private static String local(String back) {
		return (back.length() <= MAX_BACK_LENGTH && LOCAL_PATH.matcher(back).matches()) ? back : "/users";
	}

}
