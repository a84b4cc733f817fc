package com.videocall.admin.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No account has this id. Answered with the application's "not found" page, like every
 * missing record (no message or reason is shown).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(String what) {
		super(what, null, false, false);
	}

}
