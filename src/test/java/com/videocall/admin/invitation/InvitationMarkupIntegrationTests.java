package com.videocall.admin.invitation;

import static com.videocall.admin.support.Browser.errorSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Markup in names, area names, custom messages and typed addresses is shown as text on
 * every page and in the HTML email, never run (X7).
 */
@IntegrationTest
class InvitationMarkupIntegrationTests extends AdministratorPagesTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String BOLD = "<b>x</b>";

	/**
	 * A waiting area whose name is markup, administered by someone whose name is markup.
	 */
	String areaPath;

	@BeforeEach
	void markedUpClinic() {
		long area = this.organisation.area(AreaKind.WAITING_AREA, SCRIPT + " Clinic " + this.clinic.tag(),
				this.clinic.unit());
		String adminEmail = this.clinic.email("markup.admin");
		long admin = this.organisation.person(BOLD + " Admin " + this.clinic.tag(), adminEmail);
		this.organisation.grant(admin, Role.SERVICE_ADMINISTRATOR, area);
		this.areaPath = "/waiting-areas/" + area;
		this.admin = this.pages.as(adminEmail);
	}

	@Test
	void showsMarkupInNamesAsTextOnEveryPage() throws Exception {
		String invitee = this.clinic.email("escaped");
		Document people = this.admin.follow(this.admin.addUsers(this.areaPath, invitee, "", Role.SERVICE_PROVIDER));
		long invitation = this.records.pendingFor(invitee);

		assertShowsAsText(people, SCRIPT, BOLD);
		assertShowsAsText(this.admin.open("/users"), BOLD);
		assertShowsAsText(this.admin.open("/users/invitations/" + invitation), SCRIPT, BOLD);
		assertShowsAsText(this.admin.open("/users/invitations/" + invitation + "/removal?all=true"), SCRIPT);
		assertShowsAsText(this.admin.open(this.areaPath + "/add-users"), SCRIPT);
		// Activity writes its rows itself, not through the templates (AC1): the area's
		// name, the administrator's and the page named after the area are text there too.
		assertShowsAsText(this.admin.open("/activity"), SCRIPT, BOLD);
	}

	@Test
	void escapesMarkupInTheHtmlEmail() throws Exception {
		String invitee = this.clinic.email("emailed");
		this.admin.addUsers(this.areaPath, invitee, SCRIPT + " " + BOLD, Role.SERVICE_PROVIDER);

		String html = MailServer.html(this.mail.awaitEmails(invitee, 1).get(0));

		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;x&lt;/b&gt;")
			.doesNotContain("<script>alert", BOLD);
		assertShowsAsText(Jsoup.parse(html), SCRIPT, BOLD);
	}

	@Test
	void showsMarkupTypedAsAnAddressAsText() throws Exception {
		Document form = Browser
			.page(this.admin.addUsers(this.areaPath, SCRIPT + "@test.invalid", "", Role.RECEPTIONIST));

		assertThat(errorSummary(form)).singleElement().asString().contains(SCRIPT + "@test.invalid");
		assertShowsAsText(form, SCRIPT);
	}

	/**
	 * Each piece of markup appears as text to read, and no element it would have made
	 * exists on the page.
	 */
	private static void assertShowsAsText(Document page, String... markup) {
		for (String piece : markup) {
			assertThat(page.text()).contains(piece);
			Element injected = Jsoup.parseBodyFragment(piece).body().child(0);
			assertThat(page.select(injected.tagName())).extracting(Element::outerHtml)
				.doesNotContain(injected.outerHtml());
		}
	}

}
