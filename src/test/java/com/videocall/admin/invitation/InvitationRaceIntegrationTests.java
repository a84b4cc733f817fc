package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Two administrators acting on the same version of an invitation at the same moment (X5):
 * exactly one succeeds, nothing is lost or done twice, and the emails match.
 */
@IntegrationTest
class InvitationRaceIntegrationTests extends AdministratorPagesTest {

	private static final int ROUNDS = 50;

	private static final List<List<Action>> RACES = List.of(List.of(Action.REMIND, Action.REMOVE_ALL),
			List.of(Action.REMOVE_ALL, Action.CANCEL_FOR_AREA), List.of(Action.REMIND, Action.REMIND),
			List.of(Action.CANCEL_FOR_AREA, Action.REMIND));

	@Autowired
	InvitationManagement management;

	AdministratorScope scope;

	AccountUser actor;

	ExecutorService threads;

	@BeforeEach
	void administrator() {
		this.scope = this.invitations.scope(this.clinic.adminEmail());
		this.actor = this.invitations.actor(this.clinic.adminEmail());
		this.threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void endsConsistentlyWhenTwoActionsOnTheSameVersionRaceEachOther() throws Exception {
		Map<String, Integer> expectedEmails = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			String invitee = this.clinic.email("race-" + round);
			long invitation = this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(),
					Role.SERVICE_PROVIDER);
			long version = this.records.version(invitation);
			List<Action> race = RACES.get(round % RACES.size());

			List<RuntimeException> failures = runTogether(race, invitation, version);

			List<Action> winners = new ArrayList<>();
			for (int i = 0; i < race.size(); i++) {
				if (failures.get(i) == null) {
					winners.add(race.get(i));
				}
				else {
					assertThat(failures.get(i)).as("round %d", round)
						.isInstanceOfAny(InvitationChangedException.class, InvitationEndedException.class,
								OptimisticLockingFailureException.class);
				}
			}
			assertThat(winners).as("round %d: %s", round, race).hasSize(1);
			assertThat(this.records.version(invitation)).as("round %d: version", round).isEqualTo(version + 1);
			expectedEmails.put(invitee, assertEffectOf(winners.get(0), invitation, round));
		}
		expectedEmails.forEach(this.mail::awaitEmails);
	}

	/**
	 * Starts the actions at the same moment on the version given; returns what each
	 * failed with, or null where it succeeded.
	 */
	private List<RuntimeException> runTogether(List<Action> actions, long invitation, long version) throws Exception {
		Set<Long> roles = Set.copyOf(this.records.roleIds(invitation));
		CyclicBarrier start = new CyclicBarrier(actions.size());
		List<Future<RuntimeException>> outcomes = new ArrayList<>();
		for (Action action : actions) {
			outcomes.add(this.threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				try {
					perform(action, invitation, version, roles);
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		List<RuntimeException> failures = new ArrayList<>();
		for (Future<RuntimeException> outcome : outcomes) {
			failures.add(outcome.get(30, TimeUnit.SECONDS));
		}
		return failures;
	}

	private void perform(Action action, long invitation, long version, Set<Long> roles) {
		switch (action) {
			case REMIND -> this.management.remind(this.scope, this.actor, invitation, version, "Race", null);
			case REMOVE_ALL -> this.management.removeRoles(this.scope, this.actor, invitation, version, roles, "Race");
			case CANCEL_FOR_AREA -> this.management.cancelForArea(this.scope, this.actor, invitation, version,
					this.clinic.waitingArea(), "Race");
		}
	}

	/** Checks that exactly the winner's effect happened; returns the emails it means. */
	private int assertEffectOf(Action winner, long invitation, int round) {
		boolean reminded = winner == Action.REMIND;
		int emails = reminded ? 2 : 1;
		assertThat(this.records.status(invitation)).as("round %d: status", round)
			.isEqualTo(reminded ? "PENDING" : "CANCELLED");
		assertThat(this.records.roles(invitation)).as("round %d: roles", round).hasSize(reminded ? 1 : 0);
		assertThat(this.records.remindersSent(invitation)).as("round %d: reminders", round).isEqualTo(reminded ? 1 : 0);
		assertThat(this.records.events(invitation, "REMINDER_SENT")).as("round %d: reminder history", round)
			.isEqualTo(reminded ? 1 : 0);
		assertThat(this.records.events(invitation, "ROLES_REMOVED")).as("round %d: removal history", round)
			.isEqualTo(reminded ? 0 : 1);
		assertThat(this.records.linkHashes(invitation)).as("round %d: links", round).hasSize(emails);
		assertThat(this.records.emailsOf(invitation)).as("round %d: emails", round).isEqualTo((long) emails);
		return emails;
	}

	private enum Action {

		REMIND, REMOVE_ALL, CANCEL_FOR_AREA

	}

}
