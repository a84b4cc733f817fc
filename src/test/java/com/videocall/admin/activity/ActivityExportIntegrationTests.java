package com.videocall.admin.activity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static com.videocall.admin.activity.TrailEntries.area;
import static com.videocall.admin.activity.TrailEntries.entry;
import static com.videocall.admin.activity.TrailEntries.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC3's "Export CSV" by the rules of P4: {@code activity-YYYY-MM-DD.csv}, every cell
 * quoted, formulas neutralised, ISO 8601 times; written while the entries are read a
 * thousand at a time, never all at once.
 */
@IntegrationTest
class ActivityExportIntegrationTests extends ActivityPagesTest {

	@Autowired
	StatementCounter statements;

	@Test
	void exportsTheFilteredEntriesInScopeWithFormulasNeutralised() throws Exception {
		long evil = this.organisation.person("@Evil " + this.clinic.tag(), this.clinic.email("evil"));
		this.organisation.grant(evil, Role.SERVICE_ADMINISTRATOR, this.clinic.waitingArea());
		long person = this.organisation.invitee("=1+2-" + this.clinic.email("formula"));
		this.trail.record(entry(ActivityKind.INVITED, on("2026-04-01"), evil, person, "-Add Users", null,
				area(this.clinic.waitingArea(), "SERVICE_PROVIDER", "RECEPTIONIST")));
		this.trail.record(entry(ActivityKind.EXPORTED, on("2026-04-02"), evil, null, "Pending Invitations",
				"+1,234 \"rows\"", area(this.clinic.waitingArea())));

		MvcResult csv = this.admin.request("/activity/export?who=" + this.clinic.email("evil"));
		assertThat(csv.getResponse().getStatus()).isEqualTo(200);
		assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"activity-" + LocalDate.now(TrailEntries.SYDNEY) + ".csv\"");
		assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines()).containsExactly(
				"\"When\",\"Who\",\"What\",\"Detail\",\"Person\",\"Areas\",\"Page\"",
				"\"2026-04-01T23:00:00Z\",\"'@Evil " + this.clinic.tag()
						+ "\",\"Exported\",\"'+1,234 \"\"rows\"\"\",\"\",\"" + this.clinic.waitingAreaName()
						+ "\",\"Pending Invitations\"",
				"\"2026-03-31T23:00:00Z\",\"'@Evil " + this.clinic.tag() + "\",\"Invited\",\"\",\"'=1+2-"
						+ this.clinic.email("formula") + "\",\"" + this.clinic.waitingAreaName()
						+ " (Receptionist, Service Provider)\",\"'-Add Users\"");
	}

	@Test
	void readsTheEntriesAThousandAtATimeWhileItWrites() throws Exception {
		List<NewEntry> many = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			many.add(entry(ActivityKind.REMINDER_SENT, on("2026-05-01").plusSeconds(i), this.clinic.admin(), null,
					"Pending Invitations", null, area(this.clinic.waitingArea())));
		}
		this.trail.recordAll(many);
		List<String> lines = new ArrayList<>();
		List<String> sql = this.statements.pageStatements(() -> lines.addAll(csv(this.admin, "/activity/export")));
		// Every entry, newest first, and the export itself, recorded as it began.
		assertThat(lines).hasSize(1 + 2_500 + 1);
		assertThat(lines.get(1)).contains("\"Exported\",\"Activity\"");
		assertThat(lines.get(2)).startsWith("\"2026-05-01T00:41:39Z\"");
		assertThat(lines.get(lines.size() - 1)).startsWith("\"2026-05-01T00:00:00Z\"");
		// Three reads of at most 1,000 ids (the last finds fewer), each followed by its
		// rows.
		assertThat(sql.stream().filter((statement) -> statement.contains("cross join lateral"))).hasSize(3)
			.allMatch((statement) -> statement.contains("limit"));
		assertThat(ActivityEntries.EXPORT_BATCH).isEqualTo(1_000);
	}

	@Test
	void showsTheProblemsOnThePageInsteadOfAFileForFiltersItCannotRead() throws Exception {
		MvcResult answer = this.admin.request("/activity/export?from=2026-02-30&who=%7B%7D");
		assertThat(answer.getResponse().getStatus()).isEqualTo(200);
		assertThat(answer.getResponse().getContentType()).startsWith("text/html");
		assertThat(Browser.errorSummary(Browser.page(answer))).containsExactly(
				"Enter the email address of who did it, like name@example.org, or \"Automatic\".",
				"Enter \"From\" as a real date, like 2026-03-31.");
		assertThat(this.jdbc.sql("select count(*) from activity_entry where kind = 'EXPORTED' and actor_id = ?")
			.param(this.clinic.admin())
			.query(Long.class)
			.single()).isZero();
	}

	/** The CSV's lines, after checking that it is one. */
	static List<String> csv(Browser browser, String url) throws Exception {
		MvcResult csv = browser.request(url);
		assertThat(csv.getResponse().getStatus()).as(url).isEqualTo(200);
		assertThat(csv.getResponse().getContentType()).as(url).isEqualTo("text/csv;charset=UTF-8");
		return csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
	}

}
