package com.videocall.admin.people;

import java.util.Map;

import com.videocall.admin.directory.AdministratorScope;

/** The SQL condition "this area is in the administrator's scope" and its parameters. */
final class ScopeSql {

	private ScopeSql() {
	}

	/** True when the area id in {@code column} is in scope. */
	static String covers(String column) {
		return "(:everything or " + column + " = any(cast(:areas as bigint[])))";
	}

	static Map<String, Object> parameters(AdministratorScope scope) {
		return Map.of("everything", scope.everything(), "areas", scope.sqlArray());
	}

}
