package com.videocall.admin.undo;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.informationBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.invitation.InvitationProperties;
import com.videocall.admin.invitation.RemovalOutcome;
import com.videocall.admin.invitation.RemovalRecords.Removal;
import com.videocall.admin.invitation.UndoRefusedException;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.InvitationPages;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.MovableClockIntegrationTest;
import com.videocall.admin.support.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Undo after Cancel Invitation and Remove Roles (UN): from the banner that follows the
 * removal, within the undo window, it restores exactly the roles removed, with who
 * offered them and when, and the newest link if it has not expired; it sends no email. It
 * changes nothing when the invitation changed since, when the invitee accepted, when the
 * window has passed, when it was undone already, or when the administrator's scope does
 * not cover every role removed.
 */
@MovableClockIntegrationTest
class RemovalUndoIntegrationTests extends AdministratorPagesTest {

	@Autowired
	Invitees invitees;

	@Autowired
	LinkPages links;

	@Autowired
	MutableClock clock;

	@Autowired
	InvitationProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InvitationManagement management;

	@Autowired
	RemovalUndoing undoing;

	@Autowired
	RemovalUndos undos;

	@Test
	void undoesRemoveRolesOfTheDialogWithTheRolesOriginalInviterAndTime() throws Exception {
		Invitee invitee = invite("dialog-roles", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		List<Map<String, Object>> before = invitedRoles(invitee);
		long emails = this.records.emailsTo(invitee.email());

		Document dialog = removeInDialog(invitee, Role.RECEPTIONIST);
		assertThat(successBanner(dialog)).contains("Removed Receptionist");
		assertThat(InvitationPages.rolesIn(dialog)).containsExactly("Service Provider");
		this.clock.advance(Duration.ofMinutes(3));

		Document undone = this.admin.submit(undoForm(dialog));

		assertThat(successBanner(undone)).startsWith("Undone: the invitation for " + invitee.email());
		assertThat(invitedRoles(invitee)).isEqualTo(before);
		assertThat(this.records.status(invitee.invitation())).isEqualTo("PENDING");
		assertThat(this.records.emailsTo(invitee.email())).as("no email").isEqualTo(emails);
		List<Element> history = this.admin.open(InvitationPages.dialogUrl(invitee.invitation()))
			.select("ol.history li");
		assertThat(history.get(history.size() - 1).text()).contains("Undone by Admin " + this.clinic.tag())
			.contains("Receptionist in " + this.clinic.waitingAreaName());
	}

	@Test
	void undoesCancelInvitationOfTheDialogAndTheNewestLinkWorksAgain() throws Exception {
		Invitee invitee = invite("dialog-cancel", Role.SERVICE_PROVIDER);
		String token = this.invitees.token(invitee);
		List<Map<String, Object>> before = invitedRoles(invitee);
		long emails = this.records.emailsTo(invitee.email());

		Document list = removeInDialog(invitee, Role.SERVICE_PROVIDER);
		assertThat(successBanner(list)).contains("is cancelled");
		assertThat(this.links.openWithoutChanging(invitee, token).select("h1").text())
			.isEqualTo("This invitation has been cancelled");

		Document undone = this.admin.submit(undoForm(list));

		assertThat(successBanner(undone)).startsWith("Undone");
		assertThat(this.records.status(invitee.invitation())).isEqualTo("PENDING");
		assertThat(invitedRoles(invitee)).isEqualTo(before);
		assertThat(this.records.emailsTo(invitee.email())).as("no email").isEqualTo(emails);
		assertThat(this.invitees.history(invitee)).endsWith(HistoryType.ROLES_REMOVED, HistoryType.CANCELLED,
				HistoryType.UNDONE);
		assertThat(this.links.openWithoutChanging(invitee, token).select("h1").text()).isEqualTo("Set up your account");
		this.links.submit(token, "Undone Person");
		assertThat(this.records.status(invitee.invitation())).isEqualTo("ACCEPTED");
		assertThat(this.invitees.grantedRoles(invitee))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
	}

	@Test
	void undoesCancelInvitationOfTheAreaActionMenus() throws Exception {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "area-cancel",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()),
				new RoleOffer(Role.ORGANISATION_REPORTER, this.clinic.unit()));
		List<Map<String, Object>> before = invitedRoles(invitee);

		// Waiting area: the invitation remains for the other areas.
		Document waitingArea = cancelInArea(AreaKind.WAITING_AREA, this.clinic.waitingArea(), invitee);
		assertThat(successBanner(waitingArea)).contains("remains for other areas");
		Document undone = this.admin.submit(undoForm(waitingArea));
		assertThat(successBanner(undone)).startsWith("Undone");
		assertThat(InvitationPages.emailsIn(undone)).contains(invitee.email());
		assertThat(invitedRoles(invitee)).isEqualTo(before);

		// Meeting room and unit (Manage Administrators), one after the other: the last
		// one cancels the invitation; each is undone on its own.
		Document meetingRoom = cancelInArea(AreaKind.MEETING_ROOM, this.clinic.meetingRoom(), invitee);
		assertThat(successBanner(this.admin.submit(undoForm(meetingRoom)))).startsWith("Undone");
		assertThat(invitedRoles(invitee)).isEqualTo(before);
		Document unit = cancelInArea(AreaKind.ORGANISATIONAL_UNIT, this.clinic.unit(), invitee);
		assertThat(successBanner(this.admin.submit(undoForm(unit)))).startsWith("Undone");
		assertThat(invitedRoles(invitee)).isEqualTo(before);
		assertThat(this.invitees.history(invitee)).containsExactly(HistoryType.INVITED, HistoryType.ROLES_REMOVED,
				HistoryType.UNDONE, HistoryType.ROLES_REMOVED, HistoryType.UNDONE, HistoryType.ROLES_REMOVED,
				HistoryType.UNDONE);
		assertThat(this.invitees.emailRecipients(invitee)).hasSize(1);
	}

	@Test
	void changesNothingWhenTheInvitationChangedSince() throws Exception {
		Invitee invitee = invite("changed", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		Document dialog = removeInDialog(invitee, Role.RECEPTIONIST);
		// A newer change: a reminder.
		successBanner(this.admin.submit(InvitationPages.reminderForm(dialog)));
		Snapshot before = snapshot(invitee);

		Document refused = this.admin.submit(undoForm(dialog));

		assertThat(errorBanner(refused)).contains("Nothing was undone: the invitation changed after the removal");
		assertThat(snapshot(invitee)).isEqualTo(before);
	}

	@Test
	void changesNothingWhenTheInviteeAcceptedSince() throws Exception {
		Invitee invitee = invite("accepted", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		String token = this.invitees.token(invitee);
		Document dialog = removeInDialog(invitee, Role.RECEPTIONIST);
		this.links.submit(token, "Accepted Person");
		Snapshot before = snapshot(invitee);

		Document refused = this.admin.submit(undoForm(dialog));

		assertThat(errorBanner(refused)).contains("the person accepted the invitation");
		assertThat(snapshot(invitee)).isEqualTo(before);
		assertThat(this.invitees.grantedRoles(invitee))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
	}

	@Test
	void changesNothingOnceTheWindowHasPassed() throws Exception {
		assertThat(this.properties.undoWindow()).isEqualTo(Duration.ofMinutes(10));
		Invitee late = invite("late", Role.SERVICE_PROVIDER);
		Invitee inTime = invite("in-time", Role.SERVICE_PROVIDER);
		Document lateList = removeInDialog(late, Role.SERVICE_PROVIDER);
		Document inTimeList = removeInDialog(inTime, Role.SERVICE_PROVIDER);

		this.clock.advance(Duration.ofMinutes(9).plusSeconds(50));
		assertThat(successBanner(this.admin.submit(undoForm(inTimeList)))).startsWith("Undone");
		this.clock.advance(Duration.ofSeconds(15));
		Snapshot before = snapshot(late);
		assertThat(errorBanner(this.admin.submit(undoForm(lateList)))).contains("that time has passed");
		assertThat(snapshot(late)).isEqualTo(before);
		assertThat(this.records.status(late.invitation())).isEqualTo("CANCELLED");
	}

	@Test
	void restoresOnceWhenSentTwice() throws Exception {
		Invitee invitee = invite("twice", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		Document dialog = removeInDialog(invitee, Role.RECEPTIONIST);
		Element undo = undoForm(dialog);

		assertThat(successBanner(this.admin.submit(undo))).startsWith("Undone");
		Snapshot once = snapshot(invitee);
		assertThat(informationBanner(this.admin.submit(undo))).isEqualTo("This change has already been undone.");

		assertThat(snapshot(invitee)).isEqualTo(once);
		assertThat(this.invitees.history(invitee)).filteredOn(HistoryType.UNDONE::equals).hasSize(1);
	}

	@Test
	void restoresOnceWhenTwoUndosArriveAtTheSameMoment() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				Invitee invitee = invite("together-" + round, Role.SERVICE_PROVIDER);
				long undo = this.invitations.removeAllRoles(invitee.invitation(), this.clinic.adminEmail());
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<UndoRefusedException.Reason>> outcomes = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					outcomes.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						try {
							this.undoing.undo(this.invitations.scope(this.clinic.adminEmail()),
									this.invitations.actor(this.clinic.adminEmail()), undo);
							return null;
						}
						catch (UndoRefusedException ex) {
							return ex.reason();
						}
					}));
				}
				List<UndoRefusedException.Reason> reasons = new ArrayList<>();
				for (Future<UndoRefusedException.Reason> outcome : outcomes) {
					reasons.add(outcome.get(30, TimeUnit.SECONDS));
				}
				assertThat(reasons).as("round %d", round)
					.containsExactlyInAnyOrder(null, UndoRefusedException.Reason.ALREADY_UNDONE);
				assertThat(this.records.status(invitee.invitation())).isEqualTo("PENDING");
				assertThat(this.invitees.history(invitee)).filteredOn(HistoryType.UNDONE::equals).hasSize(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void returnsOnlyToAPageOfTheApplication() throws Exception {
		for (String elsewhere : List.of("https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere.example",
				"/users/{id}")) {
			Invitee invitee = invite("back-" + Math.abs(elsewhere.hashCode()), Role.SERVICE_PROVIDER);
			long undo = this.invitations.removeAllRoles(invitee.invitation(), this.clinic.adminEmail());

			MvcResult result = this.admin.post("/users/undo/" + undo, "back", elsewhere);

			assertThat(result.getResponse().getRedirectedUrl()).as(elsewhere).isEqualTo("/users");
			assertThat(successBanner(this.admin.follow(result))).startsWith("Undone");
		}
	}

	@Test
	void keepsAnExpiredLinkExpired() throws Exception {
		Invitee invitee = invite("expired-link", Role.SERVICE_PROVIDER);
		String token = this.invitees.token(invitee);
		this.clock.advance(this.properties.linkValidity().minusMinutes(2));
		Document list = removeInDialog(invitee, Role.SERVICE_PROVIDER);
		this.clock.advance(Duration.ofMinutes(3));

		assertThat(successBanner(this.admin.submit(undoForm(list)))).startsWith("Undone");

		assertThat(this.records.status(invitee.invitation())).isEqualTo("PENDING");
		assertThat(this.links.openWithoutChanging(invitee, token).select("h1").text())
			.isEqualTo("This link has expired");
	}

	@Test
	void refusesAnotherAdministratorWhoseScopeDoesNotCoverEveryRoleRemoved() throws Exception {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "scoped",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		Element undo = undoForm(removeAllInDialog(invitee));
		Snapshot before = snapshot(invitee);

		// An administrator of the waiting area only: one of the two roles is outside.
		Browser waitingAreaAdmin = this.pages
			.as(administrator("wa-admin", Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea()));
		assertThat(errorBanner(waitingAreaAdmin.submit(undo))).contains("roles you do not administer");
		assertThat(snapshot(invitee)).isEqualTo(before);
		// An administrator of another clinic: as if there were no such Undo.
		Browser stranger = this.pages.as(this.organisation.clinic().adminEmail());
		assertThat(stranger.post(undo.attr("action"), "back", "/users").getResponse().getStatus()).isEqualTo(404);
		assertThat(snapshot(invitee)).isEqualTo(before);

		// Another Organisation Administrator of the unit could have made the change.
		Browser colleague = this.pages
			.as(administrator("colleague", Role.ORGANISATION_ADMINISTRATOR, this.clinic.unit()));
		assertThat(successBanner(colleague.submit(undo))).startsWith("Undone");
		assertThat(this.records.roles(invitee.invitation())).containsExactlyInAnyOrder(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		List<Element> history = this.admin.open(InvitationPages.dialogUrl(invitee.invitation()))
			.select("ol.history li");
		assertThat(history.get(history.size() - 1).text()).contains("Undone by Colleague " + this.clinic.tag());
	}

	@Test
	void neverRestoresRolesOutsideTheScopeOfTheAdministratorWhoRemovedThem() throws Exception {
		Invitee invitee = this.invitees.pendingFor(this.clinic, "outside",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		// A waiting-area administrator cancels for their area; the meeting room's role
		// stays, out of their reach, and their Undo restores only what they removed.
		String email = administrator("wa-only", Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		Browser waitingAreaAdmin = this.pages.as(email);
		Document page = waitingAreaAdmin.submit(InvitationPages.actionOf(
				waitingAreaAdmin.open(AreaKind.WAITING_AREA.peoplePath(this.clinic.waitingArea())), invitee.email(),
				"/cancellation"));
		assertThat(this.records.roles(invitee.invitation()))
			.containsExactly(new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));

		assertThat(successBanner(waitingAreaAdmin.submit(undoForm(page)))).startsWith("Undone");

		assertThat(this.records.roles(invitee.invitation())).containsExactlyInAnyOrder(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		assertThat(this.jdbc.sql("""
				select count(*) from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where e.invitation_id = ? and e.kind = 'UNDONE' and x.area_id <> ?
				""").params(invitee.invitation(), this.clinic.waitingArea()).query(Long.class).single()).isZero();
	}

	@Test
	void oneUndoCoversRemovalsFromSeveralInvitations() throws Exception {
		Invitee first = invite("bulk-1", Role.SERVICE_PROVIDER);
		Invitee second = invite("bulk-2", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		Invitee third = invite("bulk-3", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		List<Map<String, Object>> firstBefore = invitedRoles(first);
		List<Map<String, Object>> secondBefore = invitedRoles(second);
		long undo = bulkRemoval(Role.SERVICE_PROVIDER, first, second, third);
		// The third changes after the removal: it is left as it is, the others restored.
		this.invitees.remind(third);
		Snapshot thirdBefore = snapshot(third);

		Document undone = this.admin.follow(this.admin.post("/users/undo/" + undo, "back", "/users"));

		assertThat(successBanner(undone)).contains(first.email(), second.email())
			.doesNotContain(third.email())
			.contains("1 other invitations changed since");
		assertThat(invitedRoles(first)).isEqualTo(firstBefore);
		assertThat(invitedRoles(second)).isEqualTo(secondBefore);
		assertThat(snapshot(third)).isEqualTo(thirdBefore);
	}

	@Test
	void undoesTheBulkCancelInvitationsOfPendingInvitationsWithOneUndo() throws Exception {
		Invitee first = invite("pending-bulk-1", Role.SERVICE_PROVIDER);
		Invitee second = invite("pending-bulk-2", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		List<Map<String, Object>> firstBefore = invitedRoles(first);
		List<Map<String, Object>> secondBefore = invitedRoles(second);
		long emails = this.records.emailsTo(first.email()) + this.records.emailsTo(second.email());

		Document cancelled = this.admin.follow(this.admin.post("/pending-invitations/cancellation", "selected",
				selected(first), "selected", selected(second), "q", "pending-bulk"));
		assertThat(successBanner(cancelled)).isEqualTo("Invitations cancelled for 2 people.");
		assertThat(this.records.status(first.invitation())).isEqualTo("CANCELLED");
		assertThat(this.records.status(second.invitation())).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("select count(distinct undo_id) from removal_undo_role where invitation_id in (?, ?)")
			.params(first.invitation(), second.invitation())
			.query(Long.class)
			.single()).as("one Undo record for the whole action").isEqualTo(1);

		MvcResult result = this.admin.post(undoForm(cancelled).attr("action"), "back",
				undoForm(cancelled).selectFirst("input[name=back]").val());
		assertThat(result.getResponse().getRedirectedUrl()).as("back to the list as it was")
			.startsWith("/pending-invitations")
			.contains("q=pending-bulk");
		Document undone = this.admin.follow(result);

		assertThat(successBanner(undone)).startsWith("Undone").contains(first.email(), second.email());
		assertThat(invitedRoles(first)).isEqualTo(firstBefore);
		assertThat(invitedRoles(second)).isEqualTo(secondBefore);
		assertThat(this.records.status(first.invitation())).isEqualTo("PENDING");
		assertThat(this.records.status(second.invitation())).isEqualTo("PENDING");
		assertThat(this.records.emailsTo(first.email()) + this.records.emailsTo(second.email())).as("no email")
			.isEqualTo(emails);
	}

	/**
	 * A row's checkbox value on Pending Invitations: the invitation and the version
	 * shown.
	 */
	private String selected(Invitee invitee) {
		return invitee.invitation() + ":" + this.records.version(invitee.invitation());
	}

	private Invitee invite(String who, Role... roles) {
		return this.invitees.pendingFor(this.clinic, who,
				List.of(roles)
					.stream()
					.map((role) -> new RoleOffer(role, this.clinic.waitingArea()))
					.toArray(RoleOffer[]::new));
	}

	/** Remove Roles in the dialog for one role, confirmed: the page that follows. */
	private Document removeInDialog(Invitee invitee, Role role) throws Exception {
		long roleId = this.jdbc.sql("select id from invited_role where invitation_id = ? and role = ?")
			.params(invitee.invitation(), role.name())
			.query(Long.class)
			.single();
		Document confirmation = this.admin
			.open(InvitationPages.dialogUrl(invitee.invitation()) + "/removal?only=" + roleId);
		return this.admin.submit(InvitationPages.yesForm(confirmation));
	}

	private Document removeAllInDialog(Invitee invitee) throws Exception {
		Document confirmation = this.admin.open(InvitationPages.dialogUrl(invitee.invitation()) + "/removal?all=true");
		return this.admin.submit(InvitationPages.yesForm(confirmation));
	}

	private Document cancelInArea(AreaKind kind, long areaId, Invitee invitee) throws Exception {
		return this.admin.submit(
				InvitationPages.actionOf(this.admin.open(kind.peoplePath(areaId)), invitee.email(), "/cancellation"));
	}

	/**
	 * One Undo record over removals from several invitations, as the bulk "Cancel
	 * Invitations" makes (one role each here, so that one of them can change meanwhile).
	 * Returns the Undo's id.
	 */
	private long bulkRemoval(Role role, Invitee... invitees) {
		List<Removal> removals = new ArrayList<>();
		for (Invitee invitee : invitees) {
			long roleId = this.jdbc.sql("select id from invited_role where invitation_id = ? and role = ?")
				.params(invitee.invitation(), role.name())
				.query(Long.class)
				.single();
			RemovalOutcome outcome = this.management.removeRoles(this.invitations.scope(this.clinic.adminEmail()),
					this.invitations.actor(this.clinic.adminEmail()), invitee.invitation(),
					this.records.version(invitee.invitation()), Set.of(roleId), "Test");
			removals.addAll(this.undos.find(outcome.undoId()).orElseThrow().removals());
		}
		return this.undos.open(this.clinic.admin(), this.clock.instant(), this.properties.undoWindow(), removals).id();
	}

	/** A new administrator of the clinic, with the role given in the area. */
	private String administrator(String who, Role role, long areaId) {
		String email = this.clinic.email(who);
		long account = this.organisation
			.person(Character.toUpperCase(who.charAt(0)) + who.substring(1) + " " + this.clinic.tag(), email);
		this.organisation.grant(account, role, areaId);
		return email;
	}

	/** The banner's Undo form, which must be there and say "Undo". */
	private static Element undoForm(Document page) {
		Element form = page.selectFirst(".banner form[method=post]");
		assertThat(form).as("Undo in the banner").isNotNull();
		assertThat(form.select("button").eachText()).containsExactly("Undo");
		assertThat(form.select(".banner-hint").text())
			.matches("\\(possible until \\d{1,2} \\w{3} \\d{4}, \\d{1,2}:\\d{2} (am|pm) \\w+\\)");
		return form;
	}

	private List<Map<String, Object>> invitedRoles(Invitee invitee) {
		return this.jdbc.sql("""
				select role, area_id, invited_by, invited_at from invited_role
				where invitation_id = ? order by role, area_id
				""").param(invitee.invitation()).query().listOfRows();
	}

	private Snapshot snapshot(Invitee invitee) {
		return new Snapshot(this.invitees.snapshot(invitee), invitedRoles(invitee));
	}

	private record Snapshot(Invitees.Snapshot invitation, List<Map<String, Object>> roles) {
	}

}
