package com.videocall.admin.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each entry of the trail as one log line once it is committed (AC6), for the
 * organisation's SIEM: with JSON logs on ({@code logging.structured.format.console=ecs})
 * its ECS fields {@code event.action} (the kind, as {@code roles-removed}),
 * {@code event.category}, {@code event.outcome}, {@code user.id} and {@code user.email}
 * (who did it; {@code automatic} for the system) and {@code related.user} (the email of
 * whom it concerns) are fields of the line.
 */
@Component
class ActivityLog {

	private static final Logger logger = LoggerFactory.getLogger("com.videocall.admin.activity.trail");

	private final JdbcClient jdbc;

	ActivityLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void written(List<NewEntry> entries) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		Map<Long, String> emails = emails(entries);
		for (NewEntry entry : entries) {
			String actor = (entry.actorId() != null) ? entry.actorId().toString() : "automatic";
			logger.atInfo()
				.addKeyValue("event.kind", "event")
				.addKeyValue("event.action", action(entry.kind()))
				.addKeyValue("event.category", category(entry.kind()))
				.addKeyValue("event.outcome", (entry.kind() == ActivityKind.SIGN_IN_REFUSED) ? "failure" : "success")
				.addKeyValue("user.id", actor)
				.addKeyValue("user.email", emails.get(entry.actorId()))
				.addKeyValue("related.user", emails.get(entry.personId()))
				.log("Activity: {} by {}{}", action(entry.kind()), actor,
						(entry.personId() != null) ? " concerning account " + entry.personId() : "");
		}
	}

	private Map<Long, String> emails(List<NewEntry> entries) {
		Long[] ids = entries.stream()
			.flatMap((entry) -> Stream.of(entry.actorId(), entry.personId()))
			.filter(Objects::nonNull)
			.distinct()
			.toArray(Long[]::new);
		Map<Long, String> emails = new HashMap<>();
		this.jdbc.sql("select id, email from account_profile where id = any(?)")
			.param(ids)
			.query((RowCallbackHandler) (rs) -> emails.put(rs.getLong(1), rs.getString(2)));
		return emails;
	}

	private static String action(ActivityKind kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String category(ActivityKind kind) {
		if (kind == ActivityKind.SIGNED_IN || kind == ActivityKind.SIGN_IN_REFUSED) {
			return "authentication";
		}
		return (kind == ActivityKind.EXPORTED) ? "file" : "iam";
	}

}
