package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.RelativeTime;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Reminders wait for their interval (X4); a form sent twice, or two administrators acting
 * at once, never repeat an effect or an email and never lose one (X5).
 */
@IntegrationTest
class InvitationConflictIntegrationTests {

	private static final Duration REMINDER_INTERVAL = Duration.ofMinutes(10);

	private static final int ROUNDS = 50;

	private static final List<List<Action>> RACES = List.of(List.of(Action.REMIND, Action.REMOVE_ALL),
			List.of(Action.REMOVE_ALL, Action.CANCEL_FOR_AREA), List.of(Action.REMIND, Action.REMIND),
			List.of(Action.CANCEL_FOR_AREA, Action.REMIND));

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	InvitationManagement management;

	@Autowired
	MailServer mail;

	@Autowired
	RelativeTime times;

	Clinic clinic;

	Browser admin;

	@BeforeEach
	void clinic() {
		this.clinic = this.organisation.clinic();
		this.admin = this.pages.as(this.clinic.adminEmail());
	}

	@Test
	void refusesASecondReminderWithinTheIntervalAndSaysWhenTheNextIsPossible() throws Exception {
		String invitee = this.clinic.email("impatient");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		successBanner(remind(invitation));
		String nextPossible = this.times.dateTime(this.invitations.lastRemindedAt(invitation).plus(REMINDER_INTERVAL));
		Document dialog = this.admin.open("/users/invitations/" + invitation);
		assertThat(dialog.selectFirst("form[action$=/reminder] button").hasAttr("disabled")).isTrue();
		assertThat(dialog.text()).contains("The next reminder is possible from " + nextPossible + ".");
		long version = this.records.version(invitation);

		Document refused = remind(invitation);

		assertThat(errorBanner(refused))
			.isEqualTo("A reminder was sent recently. The next one is possible from " + nextPossible + ".");
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.remindersSent(invitation)).isOne();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(2);
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void sendsAnotherReminderOnceTheIntervalHasPassed() throws Exception {
		String invitee = this.clinic.email("patient");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		successBanner(remind(invitation));
		this.invitations.moveLastReminderBack(invitation, REMINDER_INTERVAL);

		assertThat(successBanner(remind(invitation))).isEqualTo("Reminder sent to " + invitee + ".");
		assertThat(this.records.remindersSent(invitation)).isEqualTo(2);
		this.mail.awaitEmails(invitee, 3);
	}

	@Test
	void sendsOneReminderWhenTheFormIsSentTwice() throws Exception {
		String invitee = this.clinic.email("double.remind");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER);
		String version = String.valueOf(this.records.version(invitation));
		String url = "/users/invitations/" + invitation + "/reminder";

		MvcResult first = this.admin.post(url, "version", version);
		MvcResult second = this.admin.post(url, "version", version);

		assertThat(successBanner(this.admin.follow(first))).isEqualTo("Reminder sent to " + invitee + ".");
		assertThat(errorBanner(this.admin.follow(second))).contains("changed after the page was shown");
		assertThat(this.records.version(invitation)).isEqualTo(Long.parseLong(version) + 1);
		assertThat(this.records.remindersSent(invitation)).isOne();
		assertThat(this.records.events(invitation, "REMINDER_SENT")).isOne();
		assertThat(this.records.linkHashes(invitation)).hasSize(2);
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void removesRolesOnceWhenTheFormIsSentTwice() throws Exception {
		String invitee = this.clinic.email("double.remove");
		long invitation = invite(invitee, Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		String receptionist = String.valueOf(this.records.roleIds(invitation).get(1));
		String version = String.valueOf(this.records.version(invitation));
		String url = "/users/invitations/" + invitation + "/removal";

		MvcResult first = this.admin.post(url, "version", version, "role", receptionist);
		MvcResult second = this.admin.post(url, "version", version, "role", receptionist);

		assertThat(successBanner(this.admin.follow(first)))
			.isEqualTo("Removed Receptionist from the invitation for " + invitee + ".");
		assertThat(errorBanner(this.admin.follow(second))).contains("changed after the page was shown");
		assertThat(this.records.version(invitation)).isEqualTo(Long.parseLong(version) + 1);
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.events(invitation, "ROLES_REMOVED")).isOne();
		assertThat(this.records.emailsOf(invitation)).isOne();
	}

	@Test
	void endsConsistentlyWhenTwoActionsOnTheSameVersionRaceEachOther() throws Exception {
		AdministratorScope scope = this.invitations.scope(this.clinic.adminEmail());
		AccountUser actor = this.invitations.actor(this.clinic.adminEmail());
		Map<String, Integer> expectedEmails = new LinkedHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String invitee = this.clinic.email("race-" + round);
				long invitation = invite(invitee, Role.SERVICE_PROVIDER);
				long version = this.records.version(invitation);
				Set<Long> roles = Set.copyOf(this.records.roleIds(invitation));
				List<Action> race = RACES.get(round % RACES.size());
				CyclicBarrier start = new CyclicBarrier(race.size());
				List<Future<RuntimeException>> outcomes = new ArrayList<>();
				for (Action action : race) {
					outcomes.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return attempt(() -> perform(action, scope, actor, invitation, version, roles));
					}));
				}
				List<Action> winners = new ArrayList<>();
				for (int i = 0; i < race.size(); i++) {
					RuntimeException failure = outcomes.get(i).get(30, TimeUnit.SECONDS);
					if (failure == null) {
						winners.add(race.get(i));
					}
					else {
						assertThat(failure).as("round %d", round)
							.isInstanceOfAny(InvitationChangedException.class, InvitationEndedException.class,
									OptimisticLockingFailureException.class);
					}
				}
				assertThat(winners).as("round %d: %s", round, race).hasSize(1);
				assertThat(this.records.version(invitation)).as("round %d: version", round).isEqualTo(version + 1);
				expectedEmails.put(invitee, assertEffectOf(winners.get(0), invitation, round));
			}
		}
		finally {
			threads.shutdownNow();
		}
		expectedEmails.forEach(this.mail::awaitEmails);
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

	private long invite(String invitee, Role... roles) {
		return this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(), roles);
	}

	/** "Send Reminder" in the Manage Invitation dialog, with the version it shows. */
	private Document remind(long invitation) throws Exception {
		return this.admin.follow(this.admin.post("/users/invitations/" + invitation + "/reminder", "version",
				String.valueOf(this.records.version(invitation))));
	}

	private static RuntimeException attempt(Runnable action) {
		try {
			action.run();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private void perform(Action action, AdministratorScope scope, AccountUser actor, long invitation, long version,
			Set<Long> roles) {
		switch (action) {
			case REMIND -> this.management.remind(scope, actor, invitation, version, "Race");
			case REMOVE_ALL -> this.management.removeRoles(scope, actor, invitation, version, roles, "Race");
			case CANCEL_FOR_AREA ->
				this.management.cancelForArea(scope, actor, invitation, version, this.clinic.waitingArea(), "Race");
		}
	}

	private enum Action {

		REMIND, REMOVE_ALL, CANCEL_FOR_AREA

	}

}
