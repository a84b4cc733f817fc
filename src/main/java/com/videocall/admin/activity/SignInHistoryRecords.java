package com.videocall.admin.activity;

import java.util.List;

import com.videocall.admin.signin.SignInHistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries about a person signing in and their factors, for their own "Security" page:
 * read by the index on the person, newest first.
 */
@Component
class SignInHistoryRecords implements SignInHistory {

	private static final String[] KINDS = { ActivityKind.SIGNED_IN.name(), ActivityKind.SIGN_IN_REFUSED.name(),
			ActivityKind.SECOND_FACTOR_ADDED.name(), ActivityKind.SECOND_FACTOR_REMOVED.name(),
			ActivityKind.SECOND_FACTOR_RESET.name() };

	private final JdbcClient jdbc;

	SignInHistoryRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Event> recentOf(long accountId, int limit) {
		return this.jdbc.sql("""
				select kind, detail, occurred_at from activity_entry
				where person_id = ? and kind = any(?) order by id desc limit ?
				""")
			.params(accountId, KINDS, limit)
			.query((rs, row) -> new Event(ActivityKind.valueOf(rs.getString(1)).labelCode(), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

}
