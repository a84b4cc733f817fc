package com.videocall.admin.onboarding;

import static com.videocall.admin.support.Browser.errorSummary;
import static com.videocall.admin.support.Browser.informationBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.AddUsersOutcome;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InviteeProblemsException;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestOrganisation.Clinic;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Add Users (A1, A2): all listed people are added or none; names resolve within scope;
 * active accounts get roles at once; nothing is offered or emailed twice.
 */
@IntegrationTest
class AddUsersIntegrationTests extends AdministratorPagesTest {

	private static final int RACE_ROUNDS = 10;

	@Autowired
	InvitationManagement management;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesMalformedAddressesNamingThemAndAddsNobody() throws Exception {
		String valid = this.clinic.email("valid");

		Document form = Browser.page(this.admin.addUsers(this.clinic.waitingAreaPath(),
				valid + ", nobody@\ntwo@@test.invalid; with space@test.invalid", "", Role.SERVICE_PROVIDER));

		String malformed = "These are not valid email addresses: nobody@, two@@test.invalid, "
				+ "with space@test.invalid. Nobody was added.";
		assertThat(errorSummary(form)).containsExactly(malformed);
		assertThat(form.select("#recipients-error").text()).isEqualTo(malformed);
		assertThat(form.select("textarea#recipients").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("textarea#recipients").text()).contains(valid);
		assertThat(this.records.accountExists(valid)).isFalse();
		assertThat(this.records.emailsTo(valid)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "\t", "\u0000", "KING", "service_provider", "ORGANISATION_ADMINISTRATOR" })
	void asksForARoleOfThisAreaWhenTheRoleSentIsBlankOrUnknown(String role) throws Exception {
		String invitee = this.clinic.email("blank.role");

		Document form = Browser.page(this.admin.post(this.clinic.waitingAreaPath() + "/add-users", "recipients",
				invitee, "customMessage", "", "roles", role));

		assertThat(form.select(".field-error").eachText()).containsExactly("Choose at least one role of this area.");
		assertThat(this.records.accountExists(invitee)).isFalse();
	}

	@Test
	void refusesARoleOfAnotherKindOfAreaBesideOneOfThisAreaAndChangesNothing() throws Exception {
		String invitee = this.clinic.email("wrong.kind");
		long invitation = this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		long version = this.records.version(invitation);
		long emails = this.records.emailsOf(invitation);

		// An Organisation Administrator's role (a unit's) sent to a waiting area, beside
		// one of its own.
		Document waitingArea = Browser
			.page(this.admin.post(this.clinic.waitingAreaPath() + "/add-users", "recipients", invitee, "customMessage",
					"", "roles", "RECEPTIONIST", "roles", Role.ORGANISATION_ADMINISTRATOR.name()));
		// A waiting area's role sent to a meeting room.
		Document meetingRoom = Browser.page(this.admin.post(this.clinic.meetingRoomPath() + "/add-users", "recipients",
				invitee, "customMessage", "", "roles", Role.SERVICE_PROVIDER.name()));

		assertThat(waitingArea.select(".field-error").eachText())
			.containsExactly("Choose at least one role of this area.");
		assertThat(meetingRoom.select(".field-error").eachText())
			.containsExactly("Choose at least one role of this area.");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.emailsOf(invitation)).isEqualTo(emails);
		assertThat(this.records.events(invitation, "ROLES_ADDED")).isZero();
		assertThat(this.records.grantsOf(invitee)).isEmpty();
	}

	@Test
	void invitesWithTheRolesChosenWhenABlankOneComesAlong() throws Exception {
		String invitee = this.clinic.email("and.blank");

		Document people = this.admin.follow(this.admin.post(this.clinic.waitingAreaPath() + "/add-users", "recipients",
				invitee, "customMessage", "", "roles", "RECEPTIONIST", "roles", " "));

		assertThat(successBanner(people)).isEqualTo("Invitation sent to " + invitee + ".");
		assertThat(this.records.roles(this.records.pendingFor(invitee)))
			.containsExactly(new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085" })
	void refusesControlCharactersInTheRecipientsBesideTheField(String control) throws Exception {
		String invitee = this.clinic.email("control");

		Document form = Browser.page(this.admin.addUsers(this.clinic.waitingAreaPath(),
				invitee + "\n" + "Some" + control + "Name", "", Role.SERVICE_PROVIDER));

		assertThat(form.select("#recipients-error").text()).isEqualTo(
				"Email addresses and names can contain only printable characters, separated by commas or new lines.");
		assertThat(this.records.accountExists(invitee)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085" })
	void refusesControlCharactersInTheCustomMessageBesideTheField(String control) throws Exception {
		String invitee = this.clinic.email("control.message");

		Document form = Browser.page(this.admin.addUsers(this.clinic.waitingAreaPath(), invitee,
				"Welcome" + control + "aboard", Role.SERVICE_PROVIDER));

		assertThat(form.select(".field-error").eachText())
			.containsExactly("The custom message can contain only printable characters and line breaks.");
		assertThat(this.records.accountExists(invitee)).isFalse();
		assertThat(this.records.emailsTo(invitee)).isZero();
	}

	@Test
	void keepsLineBreaksAndTabsInTheCustomMessage() throws Exception {
		String invitee = this.clinic.email("lines");

		Document people = this.admin.follow(this.admin.addUsers(this.clinic.waitingAreaPath(), invitee,
				"First line\r\nSecond\tline", Role.SERVICE_PROVIDER));

		assertThat(successBanner(people)).isEqualTo("Invitation sent to " + invitee + ".");
		assertThat(MailServer.text(this.mail.awaitEmails(invitee, 1).get(0))).contains("First line")
			.contains("Second\tline");
	}

	@Test
	void reportsANameWithAControlCharacterAsUnknownWithoutLookingItUp() {
		AccountUser me = this.invitations.actor(this.clinic.adminEmail());

		assertThatExceptionOfType(InviteeProblemsException.class)
			.isThrownBy(() -> this.management.addUsers(this.invitations.scope(this.clinic.adminEmail()), me,
					List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea())), "Nul\u0000Name", "",
					"Test"))
			.satisfies((problems) -> assertThat(problems.unknownNames()).containsExactly("Nul\u0000Name"));
	}

	@Test
	void resolvesTheNameOfSomeoneInScope() throws Exception {
		String nurse = this.clinic.email("nurse");
		long account = this.organisation.person("Nora Nurse " + this.clinic.tag(), nurse);
		this.organisation.grant(account, Role.SERVICE_PROVIDER, this.clinic.waitingArea());

		Document people = this.admin.follow(this.admin.addUsers(this.clinic.waitingAreaPath(),
				"nora nurse " + this.clinic.tag(), "", Role.RECEPTIONIST));

		assertThat(successBanner(people)).isEqualTo("Roles given at once to " + nurse + ".");
		assertThat(this.records.grantsOf(nurse)).contains(new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		this.mail.awaitEmails(nurse, 1);
	}

	@Test
	void refusesTheNameOfSomeoneOutsideScope() throws Exception {
		Clinic other = this.organisation.clinic();
		String outsider = other.email("outsider");
		long account = this.organisation.person("Olga Outside " + other.tag(), outsider);
		this.organisation.grant(account, Role.SERVICE_PROVIDER, other.waitingArea());

		Document form = Browser.page(this.admin.addUsers(this.clinic.waitingAreaPath(), "Olga Outside " + other.tag(),
				"", Role.RECEPTIONIST));

		assertThat(errorSummary(form)).containsExactly("No one in your areas has these names: Olga Outside "
				+ other.tag() + ". Use their email addresses instead. Nobody was added.");
		assertThat(this.records.grantsOf(outsider))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, other.waitingArea()));
		assertThat(this.records.emailsTo(outsider)).isZero();
	}

	@Test
	void givesAnActiveAccountTheRolesAtOnceWithANoticeInsteadOfAnInvitation() throws Exception {
		String active = this.clinic.email("active");
		this.organisation.person("Arlo Active " + this.clinic.tag(), active);

		Document people = this.admin.follow(this.admin.addUsers(this.clinic.meetingRoomPath(), active,
				"See you in the room", Role.MEETING_ROOM_MEMBER));

		assertThat(successBanner(people)).isEqualTo("Roles given at once to " + active + ".");
		assertThat(this.records.grantsOf(active))
			.containsExactly(new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertThat(this.records.invitationsOf(active)).isZero();
		MimeMessage notice = this.mail.awaitEmails(active, 1).get(0);
		assertThat(notice.getSubject()).isEqualTo("You have new roles in Video Call Admin");
		assertThat(MailServer.text(notice)).contains("Meeting Room Member in Meeting room " + this.clinic.tag())
			.contains("See you in the room")
			.doesNotContain("/invitation/");
	}

	@Test
	void offersNoRoleTwiceAndEmailsOnlyWhenRolesAreAdded() throws Exception {
		String invitee = this.clinic.email("twice");
		assertThat(successBanner(addUsers(invitee, Role.SERVICE_PROVIDER)))
			.isEqualTo("Invitation sent to " + invitee + ".");
		long invitation = this.records.pendingFor(invitee);
		long version = this.records.version(invitation);

		assertThat(informationBanner(addUsers(invitee, Role.SERVICE_PROVIDER)))
			.isEqualTo("Already holding or invited to these roles: " + invitee + ".");
		assertThat(this.records.roles(invitation)).hasSize(1);
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.emailsTo(invitee)).isOne();

		assertThat(successBanner(addUsers(invitee, Role.SERVICE_PROVIDER, Role.RECEPTIONIST)))
			.isEqualTo("Invitation extended with the new roles for " + invitee + ".");
		assertThat(this.records.roles(invitation)).containsExactly(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void givesSomeoneWhoHoldsARoleOnlyTheMissingOnes() throws Exception {
		String provider = this.clinic.email("provider");
		long account = this.organisation.person("Piet Provider " + this.clinic.tag(), provider);
		this.organisation.grant(account, Role.SERVICE_PROVIDER, this.clinic.waitingArea());

		assertThat(informationBanner(addUsers(provider, Role.SERVICE_PROVIDER)))
			.isEqualTo("Already holding or invited to these roles: " + provider + ".");
		assertThat(this.records.emailsTo(provider)).isZero();
		assertThat(successBanner(addUsers(provider, Role.SERVICE_PROVIDER, Role.RECEPTIONIST)))
			.isEqualTo("Roles given at once to " + provider + ".");

		assertThat(this.records.grantsOf(provider)).containsExactly(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		String notice = MailServer.text(this.mail.awaitEmails(provider, 1).get(0));
		assertThat(notice).contains("Receptionist in " + this.clinic.waitingAreaName())
			.doesNotContain("Service Provider");
	}

	/**
	 * Each person is decided once, whatever their case or how often they are listed, and
	 * named as their account is; only what was added is emailed.
	 */
	@Test
	void addsEveryKindOfPersonInOneGoAndNamesThemAsTheirAccountsDo() {
		String fresh = this.clinic.email("fresh");
		String invitee = this.clinic.email("offered");
		long invitation = invitedAsServiceProvider(invitee);
		String lacking = this.clinic.email("lacking");
		long lackingId = this.organisation.person("Lou Lacking " + this.clinic.tag(), lacking);
		this.organisation.grant(lackingId, Role.RECEPTIONIST, this.clinic.waitingArea());
		String holder = this.clinic.email("holder");
		long holderId = this.organisation.person("Hal Holder " + this.clinic.tag(), holder);
		this.organisation.grant(holderId, Role.SERVICE_PROVIDER, this.clinic.waitingArea());
		this.organisation.grant(holderId, Role.RECEPTIONIST, this.clinic.waitingArea());

		AddUsersOutcome outcome = addBothWaitingAreaRoles(fresh + ", " + invitee.toUpperCase(Locale.ROOT) + "; "
				+ lacking + "\n" + holder + ", " + fresh.toUpperCase(Locale.ROOT));

		assertThat(outcome.invited()).containsExactly(fresh);
		assertThat(outcome.extended()).containsExactly(invitee);
		assertThat(outcome.granted()).containsExactly(lacking);
		assertThat(outcome.unchanged()).containsExactly(holder);
		assertThat(this.records.emailsTo(fresh)).isOne();
		assertThat(this.records.roles(invitation)).hasSize(2);
		assertThat(this.records.emailsTo(invitee)).isEqualTo(2);
		assertThat(this.records.grantsOf(lacking)).hasSize(2);
		assertThat(this.records.emailsTo(lacking)).isOne();
		assertThat(this.records.emailsTo(holder)).isZero();
	}

	/**
	 * A disabled account refuses the whole Add Users before anything is written: no
	 * account created, no invitation extended, no role granted, and a pending invitation
	 * past its close moment (LC2) not ended either.
	 */
	@Test
	void refusesEveryoneWhenOneAccountIsDisabledBeforeWritingAnything() {
		String fresh = this.clinic.email("not.yet");
		String invitee = this.clinic.email("waiting");
		long invitation = invitedAsServiceProvider(invitee);
		long version = this.records.version(invitation);
		String closed = this.clinic.email("closed");
		long due = invitedAsServiceProvider(closed);
		this.jdbc.sql("update invitation set closes_at = now() - interval '1 minute' where id = ?").param(due).update();
		String active = this.clinic.email("working");
		this.organisation.person("Wanda Working " + this.clinic.tag(), active);
		String disabled = this.clinic.email("gone");
		this.organisation.person("Gary Gone " + this.clinic.tag(), disabled, AccountStatus.DISABLED);

		assertThatExceptionOfType(InviteeProblemsException.class)
			.isThrownBy(() -> addBothWaitingAreaRoles(String.join(", ", fresh, invitee, closed, active, disabled)))
			.satisfies((problems) -> assertThat(problems.disabled()).containsExactly(disabled));

		assertThat(this.records.accountExists(fresh)).isFalse();
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.roles(invitation)).hasSize(1);
		assertThat(this.records.status(due)).isEqualTo("PENDING");
		assertThat(this.records.grantsOf(active)).isEmpty();
		assertThat(this.records.emailsTo(invitee)).isOne();
		assertThat(this.records.emailsTo(closed)).isOne();
		assertThat(this.records.emailsTo(active)).isZero();
	}

	@Test
	void tellsTheLaterOfTwoSimultaneousAdditionsToTryAgain() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < RACE_ROUNDS; round++) {
				String invitee = this.clinic.email("wanted-" + round);
				addUsers(invitee, Role.SERVICE_PROVIDER);
				long invitation = this.records.pendingFor(invitee);
				CyclicBarrier start = new CyclicBarrier(2);
				Future<MvcResult> room = threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.admin.addUsers(this.clinic.meetingRoomPath(), invitee, "", Role.MEETING_ROOM_MEMBER);
				});
				Future<MvcResult> desk = threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.admin.addUsers(this.clinic.waitingAreaPath(), invitee, "", Role.RECEPTIONIST);
				});
				int added = addedOrToldToTryAgain(room.get(30, TimeUnit.SECONDS))
						+ addedOrToldToTryAgain(desk.get(30, TimeUnit.SECONDS));

				assertThat(added).as("round %d", round).isPositive();
				assertThat(this.records.roles(invitation)).as("round %d", round).hasSize(1 + added);
				assertThat(this.records.emailsTo(invitee)).as("round %d", round).isEqualTo(1 + added);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * 1 when Add Users went through; 0 when it was refused because someone else added the
	 * same person at that moment, which the form says.
	 */
	private int addedOrToldToTryAgain(MvcResult result) throws Exception {
		if (result.getResponse().getStatus() == 302) {
			successBanner(this.admin.follow(result));
			return 1;
		}
		assertThat(errorSummary(Browser.page(result))).containsExactly(
				"Someone else added one of these people at the same moment. Nothing was saved; please try again.");
		return 0;
	}

	private long invitedAsServiceProvider(String email) {
		return this.invitations.pendingFor(email, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
	}

	/**
	 * Add Users by the clinic's administrator, without the page: Service Provider and
	 * Receptionist of the waiting area.
	 */
	private AddUsersOutcome addBothWaitingAreaRoles(String recipients) {
		return this.management.addUsers(this.invitations.scope(this.clinic.adminEmail()),
				this.invitations.actor(this.clinic.adminEmail()),
				List.of(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
						new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea())),
				recipients, "", "Test");
	}

	private Document addUsers(String recipients, Role... roles) throws Exception {
		return this.admin.follow(this.admin.addUsers(this.clinic.waitingAreaPath(), recipients, "", roles));
	}

}
