package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import com.videocall.admin.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The triggers that keep derived data ({@code pending_invitation},
 * {@code account.listed}) read one invitation's or account's rows by their keys whatever
 * the statistics say. A session keeps the plan it first made for a trigger's statement;
 * on a new installation, whose tables were analysed while empty, that plan scanned them,
 * again on every later change as they grew (an import of 5,000 rows: 6.6 ms a refresh
 * instead of 0.3, 83 s instead of 31, with the outbox scanned).
 */
class DerivedDataPlanTests {

	@Test
	void refreshesAnInvitationByItsKeysAfterTheTablesGrewPastWhatItsPlanSaw() throws SQLException {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				TestDatabase.newDatabase() + "?currentSchema=video_call_admin", TestDatabase.user(),
				TestDatabase.password(), true);
		try {
			TestDatabase.migrate(dataSource);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long area = area(jdbc);
			Invited invited = pendingInvitation(jdbc, area, "refresh@test.invalid");
			jdbc.sql("analyze").update();
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				for (int i = 0; i < 10; i++) {
					refresh(jdbc, invited);
				}
				grow(jdbc, area);
				Map<String, Long> scansBefore = scans(jdbc);

				for (int i = 0; i < 10; i++) {
					refresh(jdbc, invited);
				}

				assertThat(scans(jdbc)).isEqualTo(scansBefore);
				assertThat(jdbc.sql("select count(*) from pending_invitation where invitation_id = ?")
					.param(invited.invitation())
					.query(Long.class)
					.single()).isOne();
				connection.rollback();
			}
		}
		finally {
			dataSource.destroy();
		}
	}

	private static long area(JdbcClient jdbc) {
		long unit = jdbc
			.sql("insert into area (kind, name) values ('ORGANISATIONAL_UNIT', 'Refresh Unit') returning id")
			.query(Long.class)
			.single();
		return jdbc
			.sql("insert into area (kind, name, parent_id) values ('WAITING_AREA', 'Refresh Area', ?) returning id")
			.param(unit)
			.query(Long.class)
			.single();
	}

	/** An invitation of one role, with its link, as Add Users leaves it. */
	private static Invited pendingInvitation(JdbcClient jdbc, long area, String email) {
		long account = jdbc
			.sql("insert into account (email, status, created_at) values (?, 'INVITED', now()) " + "returning id")
			.param(email)
			.query(Long.class)
			.single();
		return new Invited(account, jdbc.sql("""
				with invitation as (
				    insert into invitation (account_id, status, invited_at, last_sent_at, closes_at)
				    values (:account, 'PENDING', now(), now(), now() + interval '30 days') returning id),
				link as (
				    insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
				    select id, sha256('refresh'::bytea), now(), now() + interval '7 days' from invitation),
				role as (
				    insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
				    select id, 'RECEPTIONIST', :area, 'WAITING_AREA', :account, now() from invitation)
				select id from invitation
				""").param("account", account).param("area", area).query(Long.class).single());
	}

	/**
	 * What a first import adds to a new installation: people given a role, invitations
	 * with their roles and links, and their emails.
	 */
	private static void grow(JdbcClient jdbc, long area) {
		jdbc.sql("""
				insert into account (email, status, created_at)
				select 'grown' || n || '@test.invalid', case when n % 2 = 0 then 'ACTIVE' else 'INVITED' end, now()
				from generate_series(1, 2000) n
				""").update();
		jdbc.sql("""
				insert into role_grant (account_id, role, area_id, area_kind, granted_at)
				select id, 'RECEPTIONIST', ?, 'WAITING_AREA', now() from account
				where email like 'grown%' and status = 'ACTIVE'
				""").param(area).update();
		jdbc.sql("""
				with invitation as (
				    insert into invitation (account_id, status, invited_at, last_sent_at, closes_at)
				    select id, 'PENDING', now(), now(), now() + interval '30 days' from account
				    where email like 'grown%' and status = 'INVITED'
				    returning id, account_id),
				link as (
				    insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
				    select id, sha256(convert_to('grown' || id, 'UTF8')), now(), now() + interval '7 days'
				    from invitation)
				insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
				select id, 'RECEPTIONIST', ?, 'WAITING_AREA', account_id, now() from invitation
				""").param(area).update();
		jdbc.sql("""
				insert into outbound_email (topic, reference, message_id, recipient, subject, text_body,
				                            html_body, status, next_attempt_at, created_at, sent_at)
				select 'none', 'none', '<' || n || '@test.invalid>', 'someone@test.invalid', 'Hello', 'Hello',
				       '<p>Hello</p>', 'SENT', now(), now(), now()
				from generate_series(1, 2000) n
				""").update();
	}

	/** What the triggers do when one invitation changes. */
	private static void refresh(JdbcClient jdbc, Invited invited) {
		jdbc.sql("select refresh_pending_invitation(?, true)").param(invited.invitation()).query(Object.class).single();
		jdbc.sql("select refresh_account_listed(?)").param(invited.account()).query(Object.class).single();
	}

	private record Invited(long account, long invitation) {
	}

	/** Sequential scans of each table in this transaction. */
	private static Map<String, Long> scans(JdbcClient jdbc) {
		Map<String, Long> scans = new TreeMap<>();
		jdbc.sql("select relname, seq_scan from pg_stat_xact_user_tables")
			.query((RowCallbackHandler) (rs) -> scans.put(rs.getString(1), rs.getLong(2)));
		return scans;
	}

}
