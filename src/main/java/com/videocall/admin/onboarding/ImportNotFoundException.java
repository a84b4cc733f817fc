package com.videocall.admin.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An import that does not exist or is another administrator's: the same 404 (X1). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ImportNotFoundException extends RuntimeException {

	ImportNotFoundException(long id) {
		super("import " + id, null, false, false);
	}

}
