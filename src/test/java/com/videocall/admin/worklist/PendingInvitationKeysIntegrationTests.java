package com.videocall.admin.worklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.undo.RemovalUndoing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Pending Invitations list's stored keys (V14, decision 0012) follow every change the
 * application makes to an invitation, and two transactions changing one invitation at
 * once leave the newest keys, not the first computed.
 */
@MovableClockIntegrationTest
class PendingInvitationKeysIntegrationTests {

	@Autowired
	MutableClock clock;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	InvitationManagement management;

	@Autowired
	RemovalUndoing undoing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	@BeforeEach
	void ownClinic() {
		this.clinic = this.organisation.clinic();
	}

	@Test
	void followInvitingRemindingRemovingCancellingAndUndoing() {
		String admin = this.clinic.adminEmail();
		long id = this.invitations.pendingFor(this.clinic.email("keys"), admin, this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		Instant invitedAt = invitedAt(id, this.clinic.waitingArea());
		assertThat(keys(id)).isEqualTo(Map.of("first_invited_at", invitedAt, "link_expires_at",
				invitedAt.plus(Duration.ofDays(14)), "delivery", "QUEUED"));

		// Whether or not the outbox dispatcher has sent it meanwhile.
		this.jdbc.sql("update outbound_email set status = 'FAILED', sent_at = null, last_error = '550' where topic = ?")
			.param("invitation:" + id)
			.update();
		assertThat(keys(id)).containsEntry("delivery", "FAILED");

		this.clock.advance(Duration.ofHours(1));
		this.management.addUsers(this.invitations.scope(admin), this.invitations.actor(admin),
				List.of(new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom())), this.clinic.email("keys"),
				"", "Test");
		Instant addedAt = invitedAt(id, this.clinic.meetingRoom());
		assertThat(addedAt).isAfter(invitedAt.plus(Duration.ofMinutes(59)));
		assertThat(keys(id)).containsEntry("first_invited_at", invitedAt);

		this.clock.advance(Duration.ofHours(1));
		this.management.remind(this.invitations.scope(admin), this.invitations.actor(admin), id,
				this.records.version(id), "Test", null);
		assertThat((Instant) keys(id).get("link_expires_at"))
			.isAfter(invitedAt.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(119)));
		assertThat(keys(id)).containsEntry("delivery", "QUEUED");

		long waitingAreaRole = this.jdbc.sql("select id from invited_role where invitation_id = ? and area_id = ?")
			.params(id, this.clinic.waitingArea())
			.query(Long.class)
			.single();
		this.management.removeRoles(this.invitations.scope(admin), this.invitations.actor(admin), id,
				this.records.version(id), Set.of(waitingAreaRole), "Test");
		assertThat(keys(id)).containsEntry("first_invited_at", addedAt);

		this.jdbc.sql(
				"update account set full_name = 'Renamed Invitee' where id = (select account_id from invitation where id = ?)")
			.param(id)
			.update();
		assertThat(this.jdbc.sql("select search_text from pending_invitation where invitation_id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("renamed invitee").contains(this.clinic.email("keys").toLowerCase(Locale.ROOT));

		long undo = this.invitations.removeAllRoles(id, admin);
		assertThat(keys(id)).isEmpty();
		this.undoing.undo(this.invitations.scope(admin), this.invitations.actor(admin), undo);
		assertThat(keys(id)).containsEntry("first_invited_at", addedAt);

		// The inviter stops administering the clinic: both roles' areas are "inviter
		// gone";
		// made a System Administrator, none is.
		assertThat(goneAreas(id)).isEmpty();
		this.jdbc.sql("delete from role_grant where account_id = ?").param(this.clinic.admin()).update();
		assertThat(goneAreas(id)).containsExactlyInAnyOrder(this.clinic.meetingRoom());
		this.jdbc.sql("update account set system_administrator = true where id = ?")
			.param(this.clinic.admin())
			.update();
		assertThat(goneAreas(id)).isEmpty();
		this.jdbc.sql("update account set system_administrator = false where id = ?")
			.param(this.clinic.admin())
			.update();
		assertThat(goneAreas(id)).containsExactlyInAnyOrder(this.clinic.meetingRoom());

		this.jdbc.sql("update invitation set status = 'ACCEPTED', ended_at = ? where id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()), id)
			.update();
		assertThat(keys(id)).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from ((select * from pending_invitation except select * from pending_invitation_keys)
				                      union all
				                      (select * from pending_invitation_keys except select * from pending_invitation)) d
				""").query(Long.class).single()).isZero();
	}

	/**
	 * A newer email and the outbox marking the previous email failed, at the same moment:
	 * the outbox's refresh waits for the newer email's transaction and then reads it, so
	 * the newest email's state is kept. Without waiting it would compute from before the
	 * newer email and write that last. (The emails are planted as sent, so that the
	 * running outbox leaves them alone.)
	 */
	@Test
	void twoTransactionsAtOnceLeaveTheNewestEmailsState() throws Exception {
		long id = this.invitations.pendingFor(this.clinic.email("race"), this.clinic.adminEmail(),
				this.clinic.waitingArea(), Role.SERVICE_PROVIDER);
		long previous = plantSentEmail(this.dataSource, id, "1 minute");
		try (Connection reminder = this.dataSource.getConnection();
				Connection outbox = this.dataSource.getConnection()) {
			reminder.setAutoCommit(false);
			outbox.setAutoCommit(false);
			plantSentEmail(reminder, id, "1 hour");
			int outboxPid = pid(outbox);
			CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> {
				try (PreparedStatement failed = outbox.prepareStatement(
						"update outbound_email set status = 'FAILED', sent_at = null, last_error = '550' where id = ?")) {
					failed.setLong(1, previous);
					failed.executeUpdate();
					outbox.commit();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> this.jdbc.sql("select wait_event_type from pg_stat_activity where pid = ?")
					.param(outboxPid)
					.query(String.class)
					.optional()
					.filter("Lock"::equals)
					.isPresent());
			reminder.commit();
			failing.get(10, TimeUnit.SECONDS);
		}
		assertThat(keys(id)).containsEntry("delivery", "SENT");
	}

	/**
	 * Plants a sent email about the invitation, {@code later} after its first one,
	 * through the connection given (in its transaction); returns its id.
	 */
	private static long plantSentEmail(Connection connection, long invitation, String later) throws SQLException {
		try (PreparedStatement planted = connection.prepareStatement("""
				insert into outbound_email (topic, reference, message_id, recipient, subject, text_body, html_body,
				                            status, next_attempt_at, created_at, sent_at)
				select topic, reference, '<planted-' || gen_random_uuid() || '@test.invalid>', recipient, subject,
				       text_body, html_body, 'SENT', now(), created_at + cast(? as interval), now()
				from outbound_email where topic = ? order by id limit 1
				returning id
				""")) {
			planted.setString(1, later);
			planted.setString(2, "invitation:" + invitation);
			try (ResultSet rs = planted.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private long plantSentEmail(DataSource dataSource, long invitation, String later) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return plantSentEmail(connection, invitation, later);
		}
	}

	private Map<String, Object> keys(long invitation) {
		return this.jdbc
			.sql("select first_invited_at, link_expires_at, delivery from pending_invitation "
					+ "where invitation_id = ?")
			.param(invitation)
			.query((rs, row) -> Map.<String, Object>of("first_invited_at", rs.getTimestamp(1).toInstant(),
					"link_expires_at", rs.getTimestamp(2).toInstant(), "delivery", rs.getString(3)))
			.optional()
			.orElse(Map.of());
	}

	private List<Long> goneAreas(long invitation) {
		return List
			.of((Long[]) this.jdbc.sql("select inviter_gone_areas from pending_invitation where invitation_id = ?")
				.param(invitation)
				.query((rs, row) -> rs.getArray(1).getArray())
				.single());
	}

	private Instant invitedAt(long invitation, long areaId) {
		return this.jdbc.sql("select invited_at from invited_role where invitation_id = ? and area_id = ?")
			.params(invitation, areaId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private static int pid(Connection connection) throws SQLException {
		try (var statement = connection.createStatement(); var rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
