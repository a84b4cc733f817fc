package com.videocall.admin.worklist;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.worklist.BulkOutcome.Skip;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk action of the Pending Invitations list is one transaction with a savepoint per
 * row (P3, decision 0012): a refused row changes nothing and undoes none of the others,
 * and two bulk actions over the same invitations at the same moment neither deadlock nor
 * act twice on one invitation.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PendingInvitationBulkIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	PendingInvitationActions actions;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	Clinic clinic;

	AdministratorScope scope;

	AccountUser actor;

	@BeforeEach
	void ownClinic() {
		this.clinic = this.organisation.clinic();
		this.scope = this.invitations.scope(this.clinic.adminEmail());
		this.actor = this.invitations.actor(this.clinic.adminEmail());
	}

	@Test
	void aRefusedRowChangesNothingAndTheRowsAroundItAreDone() {
		long before = invite("before");
		long refused = invite("refused");
		long after = invite("after");
		// Reminded a moment ago, by another administrator: too soon (X4).
		this.actions.remind(this.scope, this.actor, Map.of(refused, this.records.version(refused)), "Test");
		long version = this.records.version(refused);
		long emails = this.records.emailsOf(refused);
		int links = this.records.linkHashes(refused).size();
		long reminders = this.records.events(refused, "REMINDER_SENT");

		Map<Long, Long> selected = new LinkedHashMap<>();
		for (long id : List.of(before, refused, after)) {
			selected.put(id, this.records.version(id));
		}
		BulkOutcome<String> outcome = this.actions.remind(this.scope, this.actor, selected, "Pending Invitations");

		assertThat(outcome.done()).containsOnlyKeys(before, after);
		assertThat(outcome.skipped()).containsExactly(Map.entry(Skip.TOO_SOON, 1));
		for (long done : List.of(before, after)) {
			assertThat(this.records.remindersSent(done)).isEqualTo(1);
			assertThat(this.records.emailsOf(done)).isEqualTo(2);
			assertThat(this.records.linkHashes(done)).hasSize(2);
		}
		assertThat(this.records.version(refused)).isEqualTo(version);
		assertThat(this.records.emailsOf(refused)).isEqualTo(emails);
		assertThat(this.records.linkHashes(refused)).hasSize(links);
		assertThat(this.records.events(refused, "REMINDER_SENT")).isEqualTo(reminders);
	}

	@Test
	void twoBulkRemindersOverTheSameInvitationsAtOnceRemindEachOnce() throws Exception {
		List<Long> ids = IntStream.range(0, 20).mapToObj((n) -> invite("overlap." + n)).toList();
		Map<Long, Long> first = versions(ids.subList(0, 15));
		Map<Long, Long> second = versions(ids.subList(5, 20));
		CyclicBarrier start = new CyclicBarrier(2);
		CompletableFuture<BulkOutcome<String>> one = CompletableFuture.supplyAsync(() -> remindAfter(start, first));
		CompletableFuture<BulkOutcome<String>> other = CompletableFuture.supplyAsync(() -> remindAfter(start, second));
		BulkOutcome<String> a = one.get(30, TimeUnit.SECONDS);
		BulkOutcome<String> b = other.get(30, TimeUnit.SECONDS);

		assertThat(a.done().size() + b.done().size()).isEqualTo(20);
		assertThat(a.skippedCount() + b.skippedCount()).isEqualTo(10);
		for (long id : ids) {
			assertThat(this.records.remindersSent(id)).isEqualTo(1);
			assertThat(this.records.emailsOf(id)).isEqualTo(2);
		}
	}

	/**
	 * Rows outside the administrator's scope are never locked nor read row by row: a bulk
	 * action naming another clinic's invitation, whose row another transaction holds, is
	 * not held up by it, and its out-of-scope ids are logged in one line (X1).
	 */
	@Test
	void neitherLocksNorLogsRowByRowTheInvitationsOutsideItsScope(CapturedOutput output) throws Exception {
		Clinic other = this.organisation.clinic();
		List<Long> elsewhere = IntStream.range(0, 5)
			.mapToObj((n) -> this.invitations.pendingFor(other.email("elsewhere." + n), other.adminEmail(),
					other.waitingArea(), Role.SERVICE_PROVIDER))
			.toList();
		long own = invite("own");
		Map<Long, Long> selected = versions(List.of(own));
		selected.putAll(versions(elsewhere));
		selected.put(this.organisation.missingId(), 0L);
		int logged = output.getAll().length();

		BulkOutcome<RemovalOutcome> outcome;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			holder.createStatement()
				.execute("select id from invitation where id = " + elsewhere.get(0) + " for no key update");
			outcome = CompletableFuture
				.supplyAsync(() -> this.actions.cancel(this.scope, this.actor, selected, "Pending Invitations"))
				.get(10, TimeUnit.SECONDS);
			holder.rollback();
		}

		assertThat(outcome.done()).containsOnlyKeys(own);
		assertThat(outcome.skipped()).containsExactly(Map.entry(Skip.NOT_PENDING, 6));
		elsewhere.forEach((id) -> assertThat(this.records.status(id)).isEqualTo("PENDING"));
		List<String> lines = output.getAll()
			.substring(logged)
			.lines()
			.filter((line) -> line.contains(" WARN "))
			.toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains("Request outside the administrator's scope: asked for 5 pending invitations");
	}

	/**
	 * The confirmation names what "Yes" acts on: only pending invitations in scope, by
	 * name, whatever ids the link carried.
	 */
	@Test
	void offersToConfirmOnlyThePendingInvitationsInScope() {
		Clinic other = this.organisation.clinic();
		long elsewhere = this.invitations.pendingFor(other.email("not.mine"), other.adminEmail(), other.waitingArea(),
				Role.SERVICE_PROVIDER);
		long b = invite("b.person");
		long a = invite("a.person");
		Map<Long, Long> selected = versions(List.of(b, elsewhere, a));

		assertThat(this.actions.chosen(this.scope, selected)).extracting(PendingInvitationActions.Chosen::id)
			.containsExactly(a, b);
	}

	private BulkOutcome<String> remindAfter(CyclicBarrier start, Map<Long, Long> versions) {
		try {
			start.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.actions.remind(this.scope, this.actor, versions, "Pending Invitations");
	}

	private Map<Long, Long> versions(List<Long> ids) {
		Map<Long, Long> versions = new LinkedHashMap<>();
		ids.forEach((id) -> versions.put(id, this.records.version(id)));
		return versions;
	}

	private long invite(String who) {
		return this.invitations.pendingFor(this.clinic.email(who), this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
	}

}
