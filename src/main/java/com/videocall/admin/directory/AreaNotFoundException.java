package com.videocall.admin.directory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An area that does not exist, is of another kind, or lies outside the administrator's
 * scope: all three get the same "not found" page, so a response never tells them apart
 * (X1).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AreaNotFoundException extends RuntimeException {

	AreaNotFoundException(String what) {
		super(what, null, false, false);
	}

}
