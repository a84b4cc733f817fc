package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.errorBanner;
import static com.videocall.admin.support.Browser.errorSummary;
import static com.videocall.admin.support.Browser.informationBanner;
import static com.videocall.admin.support.Browser.successBanner;
import static com.videocall.admin.support.InvitationPages.dialogUrl;
import static com.videocall.admin.support.InvitationPages.rolesIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation.Clinic;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Change Roles in the Manage Invitation dialog (LC4), through the pages as a browser
 * without script sends them: roles added and removed in one step that never cancels, one
 * banner, one history entry, an email only when roles were added (the link already sent
 * keeps working), and every refusal changing nothing.
 */
@IntegrationTest
class ChangeRolesIntegrationTests extends AdministratorPagesTest {

	@Autowired
	LinkPages links;

	@Autowired
	JdbcClient jdbc;

	@Test
	void changesReceptionistToServiceProviderInOneStepAndTheLinkSentBeforeStillWorks() throws Exception {
		String invitee = invite("receptionist", Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);
		String token = Invitees.tokenIn(MailServer.text(this.mail.awaitEmails(invitee, 1).get(0)));
		String area = this.clinic.waitingAreaName();

		Document choice = this.admin.open(changeRolesHref(this.admin.open(dialogUrl(invitation))));
		Element form = choiceForm(choice);
		tick(form, "Receptionist in " + area);
		tick(form, "Service Provider");
		Document confirmation = this.admin.submit(form);
		assertThat(confirmation.select("#roles-added li").eachText()).containsExactly("Service Provider in " + area);
		assertThat(confirmation.select("#roles-removed li").eachText()).containsExactly("Receptionist in " + area);
		// "No" goes back to the step with the choices kept, nothing changed.
		Document back = this.admin.open(confirmation.selectFirst("dialog a:containsOwn(No)").attr("href"));
		assertThat(back.select("input[type=checkbox][checked]").eachAttr("value"))
			.containsExactly(roleId(invitation, 0), this.clinic.waitingArea() + ":" + Role.SERVICE_PROVIDER);
		assertThat(this.records.events(invitation, "ROLES_CHANGED")).isZero();
		Document dialog = this.admin.submit(yesForm(confirmation));

		assertThat(successBanner(dialog)).isEqualTo("Roles changed for " + invitee + ". Added Service Provider in "
				+ area + ". Removed Receptionist in " + area + ". " + invitee
				+ " is emailed about the added roles; the link they already have keeps working.");
		assertThat(rolesIn(dialog)).containsExactly("Service Provider");
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
		assertThat(this.records.roles(invitation))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
		assertThat(kinds(invitation)).containsExactly("INVITED", "ROLES_CHANGED");
		assertThat(dialog.select("ol.history li").last().text()).contains("Roles changed by Admin " + this.clinic.tag())
			.contains("Added Service Provider in " + area + ". Removed Receptionist in " + area + ".");
		// The trail's one entry concerns the area, with what was added and removed there.
		assertThat(this.jdbc.sql("""
				select x.area_id || ' ' || array_to_string(x.roles, ' ') from activity_entry e
				join activity_entry_area x on x.entry_id = e.id where e.invitation_id = ? and e.kind = 'ROLES_CHANGED'
				""").param(invitation).query(String.class).list())
			.containsExactly(this.clinic.waitingArea() + " +SERVICE_PROVIDER -RECEPTIONIST");
		Document activity = this.admin.open("/activity?what=ROLES_CHANGED&person=" + encode(invitee));
		assertThat(activity.select("main tbody tr td[data-label=Areas]").eachText())
			.containsExactly(area + " (Service Provider added, Receptionist removed)");

		MimeMessage email = this.mail.awaitEmails(invitee, 2).get(1);
		assertThat(email.getSubject()).isEqualTo("More roles in your Video Call Admin invitation");
		assertThat(MailServer.text(email)).contains("Service Provider in " + area)
			.doesNotContain("Receptionist")
			.doesNotContain("/invitation/")
			.contains("the link you already have keeps working");
		assertThat(MailServer.html(email)).doesNotContain("/invitation/");
		assertThat(this.records.linkHashes(invitation)).hasSize(1);
		assertThat(dialog.select("td[data-label=Subject]").eachText())
			.contains("More roles in your Video Call Admin invitation");

		Invitee person = new Invitee(this.clinic, invitee, invitation);
		Document setUp = this.links.openWithoutChanging(person, token);
		assertThat(setUp.text()).contains("Service Provider").doesNotContain("Receptionist");
		assertThat(this.links.submit(token, "Rita Receptionist").andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(this.records.grantsOf(invitee))
			.containsExactly(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()));
	}

	@Test
	void removingWithoutAddingEmailsNobody() throws Exception {
		String invitee = invite("two.roles", Role.SERVICE_PROVIDER, Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);

		Document dialog = change(invitation, "version", version(invitation), "remove", roleId(invitation, 1));

		assertThat(successBanner(dialog)).isEqualTo(
				"Roles changed for " + invitee + ". Removed Receptionist in " + this.clinic.waitingAreaName() + ".");
		assertThat(kinds(invitation)).containsExactly("INVITED", "ROLES_CHANGED");
		assertThat(this.records.emailsOf(invitation)).isOne();
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
	}

	@Test
	void addsRolesInAnAreaFoundByName() throws Exception {
		String invitee = invite("found", Role.SERVICE_PROVIDER);
		long invitation = this.records.pendingFor(invitee);
		Clinic other = this.organisation.clinic();
		String page = dialogUrl(invitation) + "/roles?find=";

		Document notMine = this.admin.open(page + encode(other.meetingRoomName()));
		assertThat(notMine.text()).contains("None of your areas has a name containing \"" + other.meetingRoomName())
			.doesNotContain("Meeting Room Member");
		Document found = this.admin.open(page + encode(this.clinic.meetingRoomName()));
		Element form = choiceForm(found);
		tick(form, "Meeting Room Member");
		Document dialog = this.admin.submit(yesForm(this.admin.submit(form)));

		assertThat(successBanner(dialog)).contains("Added Meeting Room Member in " + this.clinic.meetingRoomName());
		assertThat(this.records.roles(invitation)).containsExactly(
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
		this.mail.awaitEmails(invitee, 2);
	}

	@Test
	void refusesToRemoveEveryRoleWithoutAddingOneAndChangesNothing() throws Exception {
		String invitee = invite("everything", Role.SERVICE_PROVIDER);
		long invitation = this.records.pendingFor(invitee);
		long version = this.records.version(invitation);
		String remove = roleId(invitation, 0);

		Document choice = this.admin
			.open(dialogUrl(invitation) + "/roles/confirm?version=" + version + "&remove=" + remove);
		assertThat(errorSummary(choice)).containsExactly("Choose at least one role to keep or add: Change Roles "
				+ "never cancels the invitation. To remove every role, use Remove Roles.");
		Document nothing = this.admin.open(dialogUrl(invitation) + "/roles/confirm?version=" + version);
		assertThat(errorSummary(nothing)).containsExactly("Choose at least one role to add or remove.");
		Document dialog = change(invitation, "version", String.valueOf(version), "remove", remove);

		assertThat(errorBanner(dialog)).startsWith("Choose at least one role to keep or add");
		assertUnchanged(invitation, version, 1);
	}

	@Test
	void refusesRolesOutsideScopeLikeNotFound() throws Exception {
		Clinic other = this.organisation.clinic();
		String invitee = invite("shared", Role.SERVICE_PROVIDER);
		this.invitations.pendingFor(invitee, other.adminEmail(), other.waitingArea(), Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);
		long version = this.records.version(invitation);
		String version0 = String.valueOf(version);
		String otherRole = roleId(invitation, 1);

		for (String[] forged : List.of(new String[] { "add", other.waitingArea() + ":" + Role.SERVICE_PROVIDER },
				new String[] { "remove", otherRole },
				new String[] { "add", this.clinic.waitingArea() + ":" + Role.MEETING_ROOM_MEMBER },
				new String[] { "add", "not-a-role" })) {
			assertThat(this.admin.post(dialogUrl(invitation) + "/roles", "version", version0, forged[0], forged[1])
				.getResponse()
				.getStatus()).as(forged[1]).isEqualTo(404);
			assertThat(this.admin
				.request(
						dialogUrl(invitation) + "/roles/confirm?version=" + version + "&" + forged[0] + "=" + forged[1])
				.getResponse()
				.getStatus()).as(forged[1]).isEqualTo(404);
		}
		// Removing every role in scope is refused too, whatever other areas hold.
		Document dialog = change(invitation, "version", version0, "remove", roleId(invitation, 0));
		assertThat(errorBanner(dialog)).startsWith("Choose at least one role to keep or add");
		assertUnchanged(invitation, version, 2);

		change(invitation, "version", version0, "add", this.clinic.waitingArea() + ":" + Role.RECEPTIONIST);
		Browser otherAdmin = this.pages.as(other.adminEmail());
		assertThat(otherAdmin.open(dialogUrl(invitation)).select("ol.history").text()).doesNotContain("Roles changed");
	}

	@Test
	void showsEachAdministratorOnlyTheChangesInTheirScope() throws Exception {
		Clinic other = this.organisation.clinic();
		String invitee = invite("across", Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);
		Browser system = this.pages.as(SignIn.ADMIN);

		Document changed = system.follow(system.post(dialogUrl(invitation) + "/roles", "version", version(invitation),
				"remove", roleId(invitation, 0), "add", other.waitingArea() + ":" + Role.SERVICE_PROVIDER));

		assertThat(successBanner(changed)).contains("Added Service Provider in " + other.waitingAreaName())
			.contains("Removed Receptionist in " + this.clinic.waitingAreaName());
		assertThat(this.records.events(invitation, "ROLES_CHANGED")).isOne();
		// This clinic's administrator no longer sees the invitation, which lives on for
		// the
		// other clinic, whose administrator reads only what was added there.
		assertThat(this.admin.request(dialogUrl(invitation)).getResponse().getStatus()).isEqualTo(404);
		String history = this.pages.as(other.adminEmail())
			.open(dialogUrl(invitation))
			.select("ol.history li")
			.last()
			.text();
		assertThat(history).contains("Roles changed by")
			.contains("Added Service Provider in " + other.waitingAreaName())
			.doesNotContain("Receptionist")
			.doesNotContain(this.clinic.waitingAreaName());
	}

	@Test
	void refusesAStaleFormAndASecondSubmissionAndAnEndedInvitation() throws Exception {
		String invitee = invite("twice", Role.RECEPTIONIST);
		long invitation = this.records.pendingFor(invitee);
		String stale = version(invitation);
		String add = this.clinic.waitingArea() + ":" + Role.SERVICE_PROVIDER;
		Element yes = yesForm(this.admin.open(dialogUrl(invitation) + "/roles/confirm?version=" + stale + "&add=" + add
				+ "&remove=" + roleId(invitation, 0)));

		assertThat(successBanner(this.admin.submit(yes))).startsWith("Roles changed for " + invitee);
		assertThat(errorBanner(this.admin.submit(yes))).startsWith("This invitation changed after the page was shown");
		assertThat(errorBanner(this.admin
			.follow(this.admin.request(dialogUrl(invitation) + "/roles/confirm?version=" + stale + "&add=" + add))))
			.startsWith("This invitation changed after the page was shown");
		assertThat(this.records.events(invitation, "ROLES_CHANGED")).isOne();
		assertThat(this.records.emailsOf(invitation)).isEqualTo(2);

		this.invitations.removeAllRoles(invitation, this.clinic.adminEmail());
		Document ended = change(invitation, "version", version(invitation), "add",
				this.clinic.waitingArea() + ":" + Role.RECEPTIONIST);
		assertThat(informationBanner(ended))
			.isEqualTo("This invitation has already been cancelled, so nothing was done.");
		assertThat(this.records.roles(invitation)).isEmpty();
	}

	private String invite(String who, Role... roles) throws Exception {
		String invitee = this.clinic.email(who);
		this.admin.follow(this.admin.addUsers(this.clinic.waitingAreaPath(), invitee, "", roles));
		return invitee;
	}

	private Document change(long invitation, String... namesAndValues) throws Exception {
		return this.admin.follow(this.admin.post(dialogUrl(invitation) + "/roles", namesAndValues));
	}

	private void assertUnchanged(long invitation, long version, int roles) {
		assertThat(this.records.version(invitation)).isEqualTo(version);
		assertThat(this.records.roles(invitation)).hasSize(roles);
		assertThat(this.records.events(invitation, "ROLES_CHANGED")).isZero();
		assertThat(this.records.status(invitation)).isEqualTo("PENDING");
	}

	private String version(long invitation) {
		return String.valueOf(this.records.version(invitation));
	}

	private String roleId(long invitation, int index) {
		return String.valueOf(this.records.roleIds(invitation).get(index));
	}

	private List<String> kinds(long invitation) {
		return this.jdbc.sql("select kind from activity_entry where invitation_id = ? order by id")
			.param(invitation)
			.query(String.class)
			.list();
	}

	/** A query value as a browser's form sends it in a URL, a space as %20. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String changeRolesHref(Document dialog) {
		return dialog.selectFirst("dialog a:containsOwn(Change Roles)").attr("href");
	}

	/** The Change Roles step's form, whose "Continue" asks for the confirmation. */
	private static Element choiceForm(Document page) {
		return page.selectFirst("form[method=get][action$=/roles/confirm]");
	}

	/** Ticks the box whose label reads {@code label}. */
	private static void tick(Element form, String label) {
		Element labelled = form.select("label[for]")
			.stream()
			.filter((candidate) -> candidate.text().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no box labelled " + label));
		form.getElementById(labelled.attr("for")).attr("checked", true);
	}

	private static Element yesForm(Document confirmation) {
		Element form = confirmation.selectFirst("form[method=post][action$=/roles]");
		assertThat(form.select("button").eachText()).containsExactly("Yes");
		return form;
	}

}
