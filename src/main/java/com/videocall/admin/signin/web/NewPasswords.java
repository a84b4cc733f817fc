package com.videocall.admin.signin.web;

import com.videocall.admin.account.PasswordPolicy;
import com.videocall.admin.web.ErrorSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A new password typed twice, as "Change password" and "Choose a new password" ask for it
 * (the fields of {@code fragments/new-password}): I5's rules first, then whether the two
 * are the same.
 */
@Component
class NewPasswords {

	private final PasswordPolicy policy;

	private final MessageSource messages;

	NewPasswords(PasswordPolicy policy, MessageSource messages) {
		this.policy = policy;
		this.messages = messages;
	}

	/**
	 * What is wrong with the new password of the account with this email; none if
	 * nothing.
	 */
	ErrorSummary problems(String newPassword, String confirmation, String email) {
		String problem = this.policy.problem(newPassword, email).orElse(null);
		if (problem != null) {
			return ErrorSummary.none().and("newPassword", text(problem));
		}
		if (!newPassword.equals(confirmation)) {
			return ErrorSummary.none().and("confirmPassword", text("password.mismatch"));
		}
		return ErrorSummary.none();
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
