package com.videocall.admin.onboarding;

import static com.videocall.admin.onboarding.ImportFiles.csv;
import static com.videocall.admin.onboarding.ImportFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Import Users (IM1-IM3): the preview says what each row would do and changes nothing;
 * the import goes row by row through Add Users, once, and says what happened.
 */
@IntegrationTest
class ImportUsersIntegrationTests extends AdministratorPagesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportManagement imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	DataSource dataSource;

	@Test
	void previewsEveryOutcomeAndChangesNothing() throws Exception {
		String area = this.clinic.waitingAreaName();
		String pending = this.clinic.email("pending");
		this.invitations.pendingFor(pending, this.clinic.adminEmail(), this.clinic.waitingArea(),
				Role.SERVICE_PROVIDER);
		long active = this.organisation.person("Active Person", this.clinic.email("active"));
		long holder = this.organisation.person("Role Holder", this.clinic.email("holder"));
		this.organisation.grant(holder, Role.RECEPTIONIST, this.clinic.waitingArea());
		long emailsBefore = emails();

		Document preview = preview(csv(row(this.clinic.email("new"), "New Person", area, "Receptionist", "", ""),
				row(pending, "", area, "receptionist", "", ""),
				row(this.clinic.email("active"), "", area, "Service Provider; Receptionist", "", ""),
				row(this.clinic.email("holder"), "", area, "Receptionist", "", "")));

		assertThat(outcomes(preview)).containsExactly("New invitation", "Added to pending invitation", "Roles granted",
				"Nothing to do");
		assertThat(counts(preview)).containsExactly("New invitation 1", "Added to pending invitation 1",
				"Roles granted 1", "Nothing to do 1");
		assertThat(preview.select("form[action$=/start] button").text()).isEqualTo("Import 4 rows");
		assertThat(preview.select("form[action$=/cancel] button").text()).isEqualTo("Cancel");
		assertThat(this.records.accountExists(this.clinic.email("new"))).isFalse();
		assertThat(this.records.grantsOf(this.clinic.email("active"))).isEmpty();
		assertThat(emails()).isEqualTo(emailsBefore);
		assertThat(active).isPositive();
	}

	@Test
	void previewsEveryProblemAndTellsNoAreaOutsideScopeFromAMissingOne() throws Exception {
		Clinic other = this.organisation.clinic();
		this.organisation.area(AreaKind.WAITING_AREA, "Twin " + this.clinic.tag(), this.clinic.unit());
		this.organisation.area(AreaKind.WAITING_AREA, "Twin " + this.clinic.tag(), this.clinic.unit());
		String area = this.clinic.waitingAreaName();
		String email = this.clinic.email("someone");

		Document preview = preview(csv(row("not an address", "", area, "Receptionist", "", ""),
				row(email, "", "No such area " + this.clinic.tag(), "Receptionist", "", ""),
				row(email, "", other.waitingAreaName(), "Receptionist", "", ""),
				row(email, "", String.valueOf(other.waitingArea()), "Receptionist", "", ""),
				row(email, "", "Twin " + this.clinic.tag(), "Receptionist", "", ""),
				row(email, "", area, "Organisation Administrator", "", ""),
				row(email, "", area, "Receptionist", "31/02/2027", ""), row(email, "", area, "Receptionist", "", ""),
				row(email.toUpperCase(), "", area, "Service Provider", "", "")));

		assertThat(outcomes(preview)).containsExactly("Email address is not valid", "Unknown area", "Unknown area",
				"Unknown area", "Area name is not unique: use its id", "Unknown role for this area",
				"Date is not valid", "Repeated row", "New invitation");
		assertThat(preview.text()).doesNotContain(other.unitName());
		assertThat(preview.select("form[action$=/start] button").text()).isEqualTo("Import 1 row");
	}

	@Test
	void importsEachRowThroughAddUsersWithItsEmailAndShowsTheSummary() throws Exception {
		String area = this.clinic.waitingAreaName();
		String invitee = this.clinic.email("imported");
		this.organisation.person("Active Person", this.clinic.email("active"));

		Document done = importAll(preview(csv(row(invitee, "Imported Person", area, "Receptionist", "", "Welcome"),
				row(invitee, "", this.clinic.meetingRoomName(), "Meeting Room Member", "", ""),
				row(this.clinic.email("active"), "", String.valueOf(this.clinic.waitingArea()), "Service Provider", "",
						""),
				row("broken", "", area, "Receptionist", "", ""))));

		assertThat(counts(done)).containsExactly("New invitation 1", "Added to pending invitation 1", "Roles granted 1",
				"Email address is not valid 1");
		assertThat(done.select("a[href$=results.csv]").text()).isEqualTo("Download results");
		long invitation = this.records.pendingFor(invitee);
		assertThat(this.records.roles(invitation)).extracting((offer) -> offer.role())
			.containsExactlyInAnyOrder(Role.RECEPTIONIST, Role.MEETING_ROOM_MEMBER);
		assertThat(this.records.emailsTo(invitee)).isEqualTo(2);
		assertThat(this.records.grantsOf(this.clinic.email("active"))).extracting((offer) -> offer.role())
			.containsExactly(Role.SERVICE_PROVIDER);
		assertThat(this.records.emailsTo(this.clinic.email("active"))).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("select count(*) from activity_entry e join account a on a.id = e.person_id "
						+ "where e.source_page = 'Import Users' and a.email = ?")
				.param(invitee)
				.query(Long.class)
				.single() == 2);
	}

	@Test
	void importsAnUploadOnceHoweverOftenImportIsPressed() throws Exception {
		String invitee = this.clinic.email("once");
		Document preview = preview(csv(row(invitee, "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		String start = preview.selectFirst("form[action$=/start]").attr("action");
		long id = Long.parseLong(start.replaceAll("\\D+", " ").trim().split(" ")[0]);

		assertThat(this.admin.post(start).getResponse().getRedirectedUrl()).isEqualTo("/users/import/" + id);
		assertThat(this.admin.post(start).getResponse().getRedirectedUrl()).isEqualTo("/users/import/" + id);
		awaitImported(id);

		assertThat(this.records.invitationsOf(invitee)).isEqualTo(1);
		assertThat(this.records.emailsTo(invitee)).isEqualTo(1);
	}

	/**
	 * As another instance that claimed the import and imports it shows it, without
	 * script.
	 */
	@Test
	void showsHowFarAnImportGotOnAPageThatRefreshesItself() throws Exception {
		Document preview = preview(csv(row(this.clinic.email("first"), "", "Nowhere", "Receptionist", "", ""),
				row(this.clinic.email("second"), "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		String page = preview.selectFirst("form[action$=/cancel]").attr("action").replace("/cancel", "");
		long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
		this.jdbc.sql("update user_import set status = 'IMPORTING', started_at = now() where id = ?")
			.param(id)
			.update();
		this.jdbc.sql("update user_import_row set result = planned, done_at = now() where import_id = ? and line = 2")
			.param(id)
			.update();
		try {
			Document importing = this.admin.open(page);

			assertThat(importing.select("h1").text()).isEqualTo("Import Users: importing");
			assertThat(importing.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("2");
			assertThat(importing.select("[role=status] p").first().text())
				.isEqualTo("Imported 1 of 2 rows. This page refreshes itself.");
			assertThat(importing.select("progress").attr("value")).isEqualTo("50");
			assertThat(importing.select("form")).allMatch((form) -> !form.attr("action").startsWith("/users/import"));
			assertThat(outcomes(importing)).containsExactly("Unknown area", "New invitation (waiting)");
		}
		finally {
			this.jdbc.sql("delete from user_import where id = ?").param(id).update();
		}
	}

	@Test
	void letsOneOfTwoSimultaneousClaimsImport() throws Exception {
		String invitee = this.clinic.email("race");
		long id = this.imports.preview(this.invitations.scope(this.clinic.adminEmail()), null, "race.csv",
				csv(row(invitee, "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> claims = threads
				.invokeAll(List.of(() -> claim(id, together), () -> claim(id, together)));
			assertThat(List.of(claims.get(0).get(), claims.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}
		awaitImported(id);
		assertThat(this.records.invitationsOf(invitee)).isEqualTo(1);
		assertThat(this.records.emailsTo(invitee)).isEqualTo(1);
	}

	/**
	 * Three workers on the same rows at once, as when instances take over an import that
	 * seemed stalled: each row is imported once.
	 */
	@Test
	void importsEachRowOnceWhenSeveralWorkersRunTheSameImport() throws Exception {
		String[] lines = new String[20];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = row(this.clinic.email("worker" + (i % 10)), "",
					(i < 10) ? this.clinic.waitingAreaName() : this.clinic.meetingRoomName(),
					(i < 10) ? "Receptionist" : "Meeting Room Member", "", "");
		}
		long id = this.imports.preview(this.invitations.scope(this.clinic.adminEmail()), null, "workers.csv",
				csv(lines));
		this.jdbc.sql("update user_import set status = 'IMPORTING', started_at = now() where id = ?")
			.param(id)
			.update();
		CyclicBarrier together = new CyclicBarrier(3);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			for (Future<?> worker : threads
				.invokeAll(List.of(() -> work(id, together), () -> work(id, together), () -> work(id, together)))) {
				worker.get();
			}
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}

		assertThat(this.imports.counts(this.imports.get(this.invitations.scope(this.clinic.adminEmail()), id)))
			.containsEntry(RowOutcome.INVITED, 10)
			.containsEntry(RowOutcome.EXTENDED, 10)
			.hasSize(2);
		for (int i = 0; i < 10; i++) {
			assertThat(this.records.invitationsOf(this.clinic.email("worker" + i))).isEqualTo(1);
			assertThat(this.records.emailsTo(this.clinic.email("worker" + i))).isEqualTo(2);
		}
	}

	@Test
	void saysWhichRowsChangedBetweenThePreviewAndTheImport() throws Exception {
		String invitee = this.clinic.email("meanwhile");
		String disabled = this.clinic.email("disabled");
		long account = this.organisation.person("Soon Disabled", disabled);
		Document preview = preview(csv(row(invitee, "", this.clinic.waitingAreaName(), "Receptionist", "", ""),
				row(disabled, "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		this.invitations.pendingFor(invitee, this.clinic.adminEmail(), this.clinic.waitingArea(), Role.RECEPTIONIST);
		this.jdbc.sql("update account set status = 'DISABLED' where id = ?").param(account).update();

		Document done = importAll(preview);

		assertThat(outcomes(done)).containsExactly("Nothing to do (changed since the preview: New invitation)",
				"Account is disabled (changed since the preview: Roles granted)");
		assertThat(this.records.invitationsOf(invitee)).isEqualTo(1);
		assertThat(this.records.grantsOf(disabled)).isEmpty();
	}

	/**
	 * An administrator who loses their areas while their import runs imports nothing more
	 * into them: the scope is read again for each row. The first row's new account waits
	 * for an uncommitted one of the same address; the roles go meanwhile.
	 */
	@Test
	void importsNothingMoreIntoAnAreaTheAdministratorLosesWhileItRuns() throws Exception {
		String first = this.clinic.email("first");
		String second = this.clinic.email("second");
		long id = this.imports.preview(this.invitations.scope(this.clinic.adminEmail()), null, "lost.csv",
				csv(row(first, "", this.clinic.waitingAreaName(), "Receptionist", "", ""),
						row(second, "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		this.jdbc.sql("update user_import set status = 'IMPORTING', started_at = now() where id = ?")
			.param(id)
			.update();
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			JdbcClient holding = JdbcClient.create(new SingleConnectionDataSource(holder, true));
			long holderPid = holding.sql("select pg_backend_pid()").query(Long.class).single();
			holding.sql("insert into account (email, status, created_at) values (?, 'INVITED', now())")
				.param(first)
				.update();
			Future<?> importing = thread.submit(() -> this.worker.run(id, new ImportWorker.Share(0, 1)));
			await().atMost(Duration.ofSeconds(10)).until(() -> waitingFor(holderPid));
			this.jdbc.sql("delete from role_grant where account_id = ?").param(this.clinic.admin()).update();
			holder.rollback();
			importing.get(20, TimeUnit.SECONDS);
		}
		finally {
			thread.shutdown();
		}

		assertThat(this.jdbc.sql("select result from user_import_row where import_id = ? order by line")
			.param(id)
			.query(String.class)
			.list()).containsExactly(RowOutcome.INVITED.name(), RowOutcome.UNKNOWN_AREA.name());
		assertThat(this.records.invitationsOf(second)).isZero();
		assertThat(this.records.emailsTo(second)).isZero();
	}

	/** Whether a transaction waits for one of the session {@code pid}'s. */
	private boolean waitingFor(long pid) {
		return this.jdbc.sql("""
				select count(*) from pg_locks waiting
				join pg_locks holding on holding.transactionid = waiting.transactionid and holding.granted
				where not waiting.granted and holding.pid = ?
				""").param(pid).query(Long.class).single() > 0;
	}

	@Test
	void cancelDropsTheUploadAndAnotherAdministratorCannotSeeIt() throws Exception {
		Document preview = preview(
				csv(row(this.clinic.email("x"), "", this.clinic.waitingAreaName(), "Receptionist", "", "")));
		String page = preview.selectFirst("form[action$=/cancel]").attr("action").replace("/cancel", "");
		Browser stranger = this.pages.as(this.organisation.clinic().adminEmail());

		assertThat(stranger.request(page).getResponse().getStatus()).isEqualTo(404);
		assertThat(stranger.post(page + "/start").getResponse().getStatus()).isEqualTo(404);
		Document users = this.admin.follow(this.admin.post(page + "/cancel"));

		assertThat(Browser.informationBanner(users)).contains("was dropped");
		assertThat(this.admin.request(page).getResponse().getStatus()).isEqualTo(404);
		assertThat(this.records.accountExists(this.clinic.email("x"))).isFalse();
	}

	@Test
	void neutralisesFormulasInTheResults() throws Exception {
		Document preview = preview(csv(row(this.clinic.email("formula"), "=cmd|' /C calc'!A0",
				this.clinic.waitingAreaName(), "Receptionist", "", "@SUM(1+1)")));
		String results = preview.selectFirst("form[action$=/cancel]").attr("action").replace("/cancel", "")
				+ "/results.csv";

		String csv = this.admin.request(results).getResponse().getContentAsString();

		assertThat(csv).contains("\"'=cmd|' /C calc'!A0\"").contains("\"'@SUM(1+1)\"").contains("\"New invitation\"");
	}

	@Test
	void showsAHundredRowsAPageWithTheProblemsFirst() throws Exception {
		String[] lines = new String[150];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = row(this.clinic.email("paged" + i), "", (i == 120) ? "Nowhere" : this.clinic.waitingAreaName(),
					"Receptionist", "", "");
		}
		Document first = preview(csv(lines));
		String page = first.selectFirst("form[action$=/cancel]").attr("action").replace("/cancel", "");

		assertThat(outcomes(first)).hasSize(100).first().isEqualTo("Unknown area");
		assertThat(first.select("nav.pagination").text()).contains("Page 1 of 2");
		assertThat(outcomes(this.admin.open(page + "?page=2"))).hasSize(50).containsOnly("New invitation");
		assertThat(outcomes(this.admin.open(page + "?page=x"))).hasSize(100);
	}

	@Test
	void offersImportUsersOnTheUsersListAndEveryAreasPeopleList() throws Exception {
		assertThat(this.admin.open("/users").select("a[href=/users/import]").text()).isEqualTo("Import Users");
		for (String path : List.of(this.clinic.waitingAreaPath() + "/users", this.clinic.meetingRoomPath() + "/users",
				this.clinic.unitPath() + "/administrators")) {
			Element link = this.admin.open(path).selectFirst("a[href^=/users/import?area=]");
			assertThat(link).as(path).isNotNull();
			assertThat(link.text()).isEqualTo("Import Users");
			assertThat(this.admin.open(link.attr("href")).select("h1").text()).isEqualTo("Import Users");
		}
		MvcResult template = this.admin.request("/users/import/template.csv");
		assertThat(template.getResponse().getContentAsString()).isEqualTo(ImportFiles.HEADER + "\r\n");
	}

	private Document preview(byte[] file) throws Exception {
		MvcResult result = this.admin.upload("/users/import", "staff.csv", file);
		assertThat(result.getResponse().getStatus()).as("preview redirect").isEqualTo(302);
		return this.admin.follow(result);
	}

	private Document importAll(Document preview) throws Exception {
		String start = preview.selectFirst("form[action$=/start]").attr("action");
		String page = start.replace("/start", "");
		this.admin.post(start);
		awaitImported(Long.parseLong(page.substring(page.lastIndexOf('/') + 1)));
		return this.admin.open(page);
	}

	private void awaitImported(long id) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "IMPORTED".equals(this.jdbc.sql("select status from user_import where id = ?")
				.param(id)
				.query(String.class)
				.single()));
	}

	private boolean claim(long id, CyclicBarrier together) throws Exception {
		together.await(5, TimeUnit.SECONDS);
		return this.imports.start(this.invitations.scope(this.clinic.adminEmail()), id);
	}

	private Void work(long id, CyclicBarrier together) throws Exception {
		together.await(5, TimeUnit.SECONDS);
		this.worker.run(id, new ImportWorker.Share(0, 1));
		return null;
	}

	private long emails() {
		return this.jdbc.sql("select count(*) from outbound_email").query(Long.class).single();
	}

	/** Each row's outcome cell, in the order shown. */
	static List<String> outcomes(Document page) {
		return page.select("#rows tbody td[data-label=Outcome]").eachText();
	}

	static List<String> counts(Document page) {
		return page.select("#counts tbody tr").eachText();
	}

}
