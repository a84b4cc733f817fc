package com.videocall.admin.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Adds areas to the directory. The console itself creates none (the platform does); the
 * demo organisation is planted through this.
 */
@Service
public class AreaRegistry {

	private final JdbcClient jdbc;

	AreaRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new area below the unit {@code parentId} (null: a top-level unit); returns its
	 * id.
	 */
	public long add(AreaKind kind, String name, Long parentId) {
		return this.jdbc.sql("insert into area (kind, name, parent_id) values (?, ?, ?) returning id")
			.params(kind.name(), name, parentId)
			.query(Long.class)
			.single();
	}

}
