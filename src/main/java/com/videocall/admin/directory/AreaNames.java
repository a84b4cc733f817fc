package com.videocall.admin.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Names of areas by id, for emails and history where scope has already been applied. */
@Service
public class AreaNames {

	private final JdbcClient jdbc;

	AreaNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, String> of(Collection<Long> areaIds) {
		Map<Long, String> names = new HashMap<>();
		if (areaIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from area where id = any(?)")
			.param(areaIds.toArray(Long[]::new))
			.query((rs, row) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

}
