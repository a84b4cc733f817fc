package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds things on the invitation pages the way a person does: the Manage Invitation
 * dialog, its removal confirmation, and the people lists with their action menus.
 */
public final class InvitationPages {

	private InvitationPages() {
	}

	public static String dialogUrl(long invitation) {
		return "/users/invitations/" + invitation;
	}

	/** The dialog's "Send Reminder" form. */
	public static Element reminderForm(Document dialog) {
		return dialog.selectFirst("form[action$=/reminder]");
	}

	/** The dialog's form of roles, "Select All", "Delete" and "Remove Roles". */
	public static Element removalForm(Document dialog) {
		return dialog.selectFirst("form[method=get][action$=/removal]");
	}

	/** The confirmation's form, whose only button is "Yes". */
	public static Element yesForm(Document confirmation) {
		Element form = confirmation.selectFirst("form[method=post][action$=/removal]");
		assertThat(form.select("button").eachText()).containsExactly("Yes");
		return form;
	}

	/** Ticks "Select All". */
	public static void tickSelectAll(Element form) {
		form.selectFirst("input[name=all]").attr("checked", true);
	}

	/** Ticks a role's checkbox, found by its label as a screen reader reads it. */
	public static void tick(Element form, String label) {
		form.select("label:has(input[name=role])")
			.stream()
			.filter((candidate) -> candidate.text().equals(label))
			.findFirst()
			.orElseThrow()
			.selectFirst("input")
			.attr("checked", true);
	}

	/** The role names listed in a Manage Invitation dialog. */
	public static List<String> rolesIn(Document dialog) {
		return dialog.select("form[action$=/removal] tbody tr td:nth-child(2)").eachText();
	}

	/** The emails in the Users list or an area's people list. */
	public static List<String> emailsIn(Document list) {
		return list.select("table tbody tr td:nth-child(2)").eachText();
	}

	public static Element rowOf(Document list, String email) {
		return list.select("table tbody tr")
			.stream()
			.filter((row) -> row.select("td:nth-child(2)").text().equals(email))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A form of the action menu of a pending person in an area's list:
	 * {@code "/reminder"} (Resend Invitation) or {@code "/cancellation"}.
	 */
	public static Element actionOf(Document list, String email, String action) {
		return rowOf(list, email).selectFirst("form[action$=" + action + "]");
	}

}
