package com.videocall.admin.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No role of that person in that area whose end date the administrator may change: none
 * held, or its area out of scope (X1). The same "not found" page as any missing record.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccessNotFoundException extends RuntimeException {

	public AccessNotFoundException(String what) {
		super(what, null, false, false);
	}

}
