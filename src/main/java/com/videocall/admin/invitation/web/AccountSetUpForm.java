package com.videocall.admin.invitation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The form on a valid invitation link's page (I2). Passwords are never sent back to the
 * page.
 */
public record AccountSetUpForm(@NotBlank(message = "{link.fullName.required}") @Size(max = 200,
		message = "{link.fullName.tooLong}") String fullName, String password, String confirmPassword) {

	static AccountSetUpForm empty() {
		return new AccountSetUpForm("", "", "");
	}

}
