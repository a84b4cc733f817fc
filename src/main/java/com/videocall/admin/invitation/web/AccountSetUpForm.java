package com.videocall.admin.invitation.web;

import com.videocall.admin.account.UserAccount;
import com.videocall.admin.web.FormText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The form on a valid invitation link's page (I2). Passwords are never sent back to the
 * page. A name is one line of printable text: it goes into emails' lines and headers, and
 * PostgreSQL refuses NUL in text (X7).
 */
public record AccountSetUpForm(
		@NotBlank(message = "{link.fullName.required}") @Size(max = UserAccount.FULL_NAME_LENGTH,
				message = "{link.fullName.tooLong}") @Pattern(regexp = FormText.ONE_LINE,
						message = "{link.fullName.controlCharacters}") String fullName,
		String password, String confirmPassword) {

	static AccountSetUpForm empty() {
		return new AccountSetUpForm("", "", "");
	}

}
