package com.videocall.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that does not exist or lies outside the signed-in administrator's scope: both
 * get the same "not found" page, so a response never tells one from the other (X1).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what, null, false, false);
	}

}
