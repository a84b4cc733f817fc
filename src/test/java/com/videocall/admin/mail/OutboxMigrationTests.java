package com.videocall.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.videocall.admin.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V6 takes the outbox's references to the invitation tables away without losing what
 * existing emails mean: which invitation and history entry they belong to, and which link
 * token a queued email must lose once it leaves.
 */
class OutboxMigrationTests {

	private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

	@Test
	void keepsWhatExistingEmailsReferToWithoutForeignKeysToOtherModules() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				TestDatabase.newDatabase() + "?currentSchema=video_call_admin", TestDatabase.user(),
				TestDatabase.password());
		migrate(dataSource, "5");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long account = jdbc.sql("""
				insert into account (email, status, created_at) values ('invitee@test.invalid', 'INVITED', now())
				returning id
				""").query(Long.class).single();
		long invitation = jdbc
			.sql("""
					insert into invitation (account_id, status, invited_at, last_sent_at) values (?, 'PENDING', now(), now())
					returning id
					""")
			.param(account)
			.query(Long.class)
			.single();
		long entry = jdbc.sql("""
				insert into invitation_event (invitation_id, type, occurred_at) values (?, 'INVITED', now())
				returning id
				""").param(invitation).query(Long.class).single();
		String link = "http://localhost:8080/invitation/" + TOKEN;
		long queued = email(jdbc, invitation, entry, "QUEUED", "Open " + link, "<a href=\"" + link + "\">x</a>");
		long sent = email(jdbc, invitation, entry, "SENT",
				"Open http://localhost:8080/invitation/[removed-after-delivery]", "<p>x</p>");
		long granted = email(jdbc, null, null, "QUEUED", "Sign in at http://localhost:8080/sign-in", "<p>x</p>");

		migrate(dataSource, "6");

		assertThat(stored(jdbc, queued)).containsEntry("topic", "invitation:" + invitation)
			.containsEntry("reference", "invitation-event:" + entry)
			.containsEntry("secrets", List.of(TOKEN));
		assertThat(stored(jdbc, sent)).containsEntry("topic", "invitation:" + invitation)
			.containsEntry("reference", "invitation-event:" + entry)
			.containsEntry("secrets", List.of());
		assertThat(stored(jdbc, granted)).containsEntry("topic", "none")
			.containsEntry("reference", "none")
			.containsEntry("secrets", List.of());
		assertThat(jdbc.sql("""
				select count(*) from information_schema.table_constraints
				where table_schema = 'video_call_admin' and table_name = 'outbound_email'
				  and constraint_type = 'FOREIGN KEY'
				""").query(Long.class).single()).isZero();
	}

	/**
	 * The versioned migrations up to {@code target}, as a database deployed then had
	 * them. Flyway would run the repeatable ones (R__*.sql) after them whatever the
	 * target, and they define views and triggers over the tables of the latest version;
	 * they are left out by a prefix that no file has.
	 */
	private static void migrate(DriverManagerDataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("video_call_admin")
			.createSchemas(true)
			.locations("classpath:db/migration")
			.target(target)
			.repeatableSqlMigrationPrefix("no-repeatables-before-the-latest-version")
			.load()
			.migrate();
	}

	private static long email(JdbcClient jdbc, Long invitation, Long entry, String status, String text, String html) {
		return jdbc.sql("""
				insert into outbound_email (invitation_id, invitation_event_id, message_id, recipient, subject,
				                            text_body, html_body, status, next_attempt_at, created_at, sent_at)
				values (?, ?, '<' || gen_random_uuid() || '@test.invalid>', 'invitee@test.invalid', 'Invited', ?, ?,
				        ?, now(), now(), case when ? = 'SENT' then now() end)
				returning id
				""").params(invitation, entry, text, html, status, status).query(Long.class).single();
	}

	private static Map<String, Object> stored(JdbcClient jdbc, long id) {
		return jdbc
			.sql("select coalesce(topic, 'none'), coalesce(reference, 'none'), secrets from outbound_email "
					+ "where id = ?")
			.param(id)
			.query((rs, row) -> Map.<String, Object>of("topic", rs.getString(1), "reference", rs.getString(2),
					"secrets",
					(rs.getArray(3) != null) ? Arrays.asList((String[]) rs.getArray(3).getArray()) : List.of()))
			.single();
	}

}
