package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees.Snapshot;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Each state of an invitation link has its own page, and opening it changes nothing (I2,
 * I4, X2). The expired page, which needs the clock moved, is in
 * {@link InvitationLinkExpiryIntegrationTests}.
 */
@IntegrationTest
class InvitationLinkPagesIntegrationTests extends InviteeLinksTest {

	@Test
	void showsTheRolesOnOfferNowAndTheSetUpForm() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "two.roles",
				new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
				new RoleOffer(Role.RECEPTIONIST, this.clinic.waitingArea()));
		String token = this.invitations.token(invitee);

		Document page = this.pages.openWithoutChanging(invitee, token);
		assertThat(page.select("h1").text()).isEqualTo("Set up your account");
		assertThat(page.text()).contains("You are invited as " + invitee.email());
		assertThat(rolesOn(page)).containsExactly(waitingAreaRole("Service Provider"), waitingAreaRole("Receptionist"));
		assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/invitation/" + token);
		assertThat(page.select("input[name=_csrf]")).hasSize(1);
		assertThat(labelledInput(page, "Full name").attr("type")).isEqualTo("text");
		assertThat(labelledInput(page, "Password").attr("type")).isEqualTo("password");
		assertThat(labelledInput(page, "Confirm password").attr("type")).isEqualTo("password");

		this.invitations.removeRoles(invitee, Role.RECEPTIONIST);
		assertThat(rolesOn(this.pages.openWithoutChanging(invitee, token)))
			.containsExactly(waitingAreaRole("Service Provider"));
	}

	@Test
	void tellsAnOlderEmailsLinkToUseTheMostRecentEmail() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "reminded");
		String first = this.invitations.token(invitee);
		this.invitations.remind(invitee);
		String second = this.invitations.token(invitee);

		Document page = this.pages.openWithoutChanging(invitee, first);
		assertThat(page.select("h1").text()).isEqualTo("This link has been replaced");
		assertThat(page.text()).contains("Use the link in the most recent email.");
		assertNoForm(page);
		assertThat(this.pages.openWithoutChanging(invitee, second).select("h1").text())
			.isEqualTo("Set up your account");
	}

	@Test
	void saysACancelledInvitationsLinkNoLongerWorks() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "cancelled");
		String token = this.invitations.token(invitee);
		this.invitations.removeRoles(invitee, Role.SERVICE_PROVIDER);

		Document page = this.pages.openWithoutChanging(invitee, token);
		assertThat(page.select("h1").text()).isEqualTo("This invitation has been cancelled");
		assertThat(page.text()).contains("this link no longer works");
		assertNoForm(page);
	}

	@Test
	void offersSignInOnceTheAccountIsSetUp() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "accepted");
		String token = this.invitations.token(invitee);
		this.pages.submit(token, "Alex Accepted").andExpect(redirectedUrl("/"));

		Document page = this.pages.openWithoutChanging(invitee, token);
		assertThat(page.select("h1").text()).isEqualTo("This account is already set up");
		assertThat(page.select("a[href=/sign-in]").text()).isEqualTo("Sign in");
		assertNoForm(page);
	}

	@Test
	void answersNotFoundForUnknownAndMalformedTokensAndChangesNothing() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "bystander");
		String token = this.invitations.token(invitee);
		String unknown = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
		Snapshot before = this.invitations.snapshot(invitee);

		for (String wrong : List.of(unknown, token.substring(1), token + "A", "x")) {
			assertThat(this.pages.answersTo(wrong)).as(wrong).containsOnly(404);
		}
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	private String waitingAreaRole(String role) {
		return role + " in Waiting area " + this.clinic.tag();
	}

	private static List<String> rolesOn(Document page) {
		return page.select("main ul li").eachText();
	}

	private static Element labelledInput(Document page, String label) {
		String id = page.select("label")
			.stream()
			.filter((element) -> element.text().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No label " + label))
			.attr("for");
		return page.getElementById(id);
	}

	private static void assertNoForm(Document page) {
		assertThat(page.select("input[type=password]")).isEmpty();
		assertThat(page.text()).doesNotContain("Send me a new link");
	}

}
