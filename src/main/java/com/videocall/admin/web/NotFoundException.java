package com.videocall.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A URL that names nothing: a path piece no page has, or a link token that matches no
 * invitation. Thrown by controllers; the modules name their own missing records (such as
 * {@code directory.AreaNotFoundException}), and all of them get the same "not found"
 * page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what, null, false, false);
	}

}
