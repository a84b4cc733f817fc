package com.videocall.admin.invitation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An invitation that does not exist or that the administrator may not see: both get the
 * same "not found" page, so a response never tells them apart (X1).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class InvitationNotFoundException extends RuntimeException {

	InvitationNotFoundException(String what) {
		super(what, null, false, false);
	}

}
