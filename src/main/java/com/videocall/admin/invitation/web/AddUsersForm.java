package com.videocall.admin.invitation.web;

import java.util.List;

import com.videocall.admin.directory.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The Add Users form (A1). */
public record AddUsersForm(
		@NotBlank(message = "{addUsers.recipients.required}") @Size(max = 5000,
				message = "{addUsers.recipients.tooLong}") String recipients,
		@NotEmpty(message = "{addUsers.roles.required}") List<Role> roles,
		@Size(max = 1000, message = "{addUsers.message.tooLong}") String customMessage) {

	static AddUsersForm empty() {
		return new AddUsersForm("", List.of(), "");
	}

}
