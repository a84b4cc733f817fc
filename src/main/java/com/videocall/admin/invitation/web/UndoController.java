package com.videocall.admin.invitation.web;

import java.util.regex.Pattern;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.UndoOutcome;
import com.videocall.admin.invitation.web.InvitationActions.Done;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;

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

	static final String URL = "/users/undo/";

	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/._~%?&=#+,:-]*");

	private final InvitationManagement management;

	private final InvitationActions actions;

	UndoController(InvitationManagement management, InvitationActions actions) {
		this.management = management;
		this.actions = actions;
	}

	@PostMapping(URL + "{undoId}")
	String undo(AdministratorScope scope, @AuthenticationPrincipal AccountUser me, @PathVariable long undoId,
			@RequestParam(defaultValue = "") String back, RedirectAttributes attributes) {
		String target = local(back);
		return this.actions.run(attributes, target, () -> {
			UndoOutcome outcome = this.management.undo(scope, me, undoId);
			Banner banner = Banner.of(Kind.SUCCESS, "undo.done", String.join(", ", outcome.restored()));
			return new Done((outcome.unchanged() > 0) ? banner.and("undo.unchanged", outcome.unchanged()) : banner,
					target);
		});
	}

	/**
	 * Only a path of this application, in plain URL characters (no braces, which a
	 * redirect would read as a template): never a redirect elsewhere.
	 */
	private static String local(String back) {
		return LOCAL_PATH.matcher(back).matches() ? back : "/users";
	}

}
