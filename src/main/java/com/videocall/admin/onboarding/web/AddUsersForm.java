package com.videocall.admin.onboarding.web;

import java.util.List;
import java.util.Objects;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.web.FormText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The Add Users form (A1), with the optional "Access until" (LC1), read by
 * {@code AccessEndDates}. Roles arrive as the names the checkboxes send; anything else
 * (blank, unknown, another kind of area's) is no choice of this area's roles.
 */
public record AddUsersForm(
		@NotBlank(message = "{addUsers.recipients.required}") @Size(max = 5000,
				message = "{addUsers.recipients.tooLong}") @Pattern(regexp = FormText.LINES,
						message = "{addUsers.recipients.controlCharacters}") String recipients,
		List<String> roles, @Size(max = 1000, message = "{addUsers.message.tooLong}") @Pattern(regexp = FormText.LINES,
				message = "{addUsers.message.controlCharacters}") String customMessage,
		String accessUntil) {

	static AddUsersForm empty() {
		return new AddUsersForm("", List.of(), "", "");
	}

	/**
	 * The chosen roles, once each, when every one is a role of the area's kind; empty
	 * when none is chosen or one is not. Blank values (spaces or control characters),
	 * which no checkbox sends, count as none.
	 */
	List<Role> rolesOf(AreaKind kind) {
		List<String> chosen = (this.roles != null) ? this.roles.stream()
			.filter(Objects::nonNull)
			.filter((role) -> !role.trim().isEmpty())
			.distinct()
			.toList() : List.of();
		List<Role> valid = Role.of(kind).stream().filter((role) -> chosen.contains(role.name())).toList();
		return (valid.size() == chosen.size()) ? valid : List.of();
	}

}
