package com.videocall.admin.undo;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An Undo record that does not exist or that holds nothing in the administrator's scope:
 * both get the same "not found" page (X1).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UndoNotFoundException extends RuntimeException {

	UndoNotFoundException(long undoId) {
		super("undo " + undoId, null, false, false);
	}

}
