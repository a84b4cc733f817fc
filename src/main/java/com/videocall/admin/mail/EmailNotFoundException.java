package com.videocall.admin.mail;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No email of the outbox has this id: the application's "not found" page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EmailNotFoundException extends RuntimeException {

	EmailNotFoundException(String what) {
		super(what, null, false, false);
	}

}
