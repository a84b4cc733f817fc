package com.videocall.admin.access;

import java.time.LocalDate;
import java.util.List;

import com.videocall.admin.directory.TimedRoleGrants;
import com.videocall.admin.invitation.InvitedAccess;
import com.videocall.admin.support.SyntheticOrganisationDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access jobs (LC1) read only the roles that are due, on their partial indexes,
 * however many roles there are: PostgreSQL's EXPLAIN ANALYZE of their batch statements on
 * the synthetic organisation's 100,000 grants and 30,000 invited roles, a tenth of which
 * are time-limited here, about 2,000 grants and 500 invited roles of them ended (in a
 * transaction rolled back, since the database is shared), when none is due and when
 * thousands are. EndingsBenchmark shows the same plans with their timings.
 */
class AccessEndsPlanIntegrationTests {

	@Test
	void readsABatchOfTheDueGrantsOnTheirPartialIndexesAlone() {
		JdbcClient jdbc = SyntheticOrganisationDatabase.jdbc();
		jdbc.sql("begin").update();
		try {
			jdbc.sql("""
					update role_grant set access_until = case when id % 50 = 0 then current_date - 1
					                                          else current_date + (id % 90)::int end
					where id % 10 = 0 and role in ('SERVICE_PROVIDER', 'RECEPTIONIST', 'MEETING_ROOM_MEMBER')
					""").update();
			jdbc.sql("""
					update invited_role set access_until = case when id % 60 = 0 then current_date - 1
					                                            else current_date + (id % 90)::int end
					where id % 10 = 0
					""").update();
			jdbc.sql("analyze role_grant, invited_role").update();
			LocalDate today = LocalDate.now();
			assertThat(jdbc.sql("select count(*) from role_grant where access_until < ?")
				.param(today)
				.query(Long.class)
				.single()).isGreaterThan(1_000);
			for (LocalDate day : List.of(today.minusYears(1), today)) {
				String ended = plan(jdbc, TimedRoleGrants.ENDED, day, 0, AccessEnds.BATCH);
				assertThat(ended).as(ended)
					.contains("role_grant_access_until")
					.doesNotContain("Seq Scan")
					.doesNotContain("Rows Removed by Filter");
				String unwarned = plan(jdbc, TimedRoleGrants.UNWARNED, day, day.plusDays(6), 0, AccessEnds.BATCH);
				assertThat(unwarned).as(unwarned)
					.contains("role_grant_access_warning")
					.doesNotContain("Seq Scan on role_grant")
					.doesNotContain("Rows Removed by Filter");
				String invitations = plan(jdbc, InvitedAccess.WITH_ENDED_ROLES, day, 0, AccessEnds.BATCH);
				assertThat(invitations).as(invitations)
					.contains("invited_role_access_until")
					.contains("Index Cond: (id = d.invitation_id)")
					.doesNotContain("Seq Scan")
					.doesNotContain("Rows Removed by Filter");
			}
		}
		finally {
			jdbc.sql("rollback").update();
		}
	}

	private static String plan(JdbcClient jdbc, String sql, Object... params) {
		return String.join("\n",
				jdbc.sql("explain (analyze, costs off) " + sql).params(params).query(String.class).list());
	}

}
