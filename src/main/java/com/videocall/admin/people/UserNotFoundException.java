package com.videocall.admin.people;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An account that does not exist or has nothing in the administrator's scope: both get
 * the same "not found" page, so a response never tells them apart (X1).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UserNotFoundException extends RuntimeException {

	UserNotFoundException(String what) {
		super(what, null, false, false);
	}

}
