package com.videocall.admin.activity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X7 on the Activity page: filters and positions it cannot read (control characters,
 * 10,000 characters, braces, letters of another script that look the same, kinds and days
 * that do not exist, days in the wrong order, a position that names no entry) are listed
 * in the error summary, each beside its field, and nothing is listed; never a server
 * error.
 */
@IntegrationTest
class ActivityInputIntegrationTests extends ActivityPagesTest {

	private static final String WHO = "Enter the email address of who did it, like name@example.org, or \"Automatic\".";

	private static final String PERSON = "Enter the email address of the person, like name@example.org.";

	private static final String WHAT = "Choose what happened from the list.";

	private static final String AREA = "Choose one of your areas from the list.";

	private static final String POSITION = "This link to a page of Activity does not work: it names no entry.";

	@Test
	void listsWhatIsWrongWithEachFilterItCannotRead() throws Exception {
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put("what=UNKNOWN", WHAT);
		problems.put("what=%00", WHAT);
		problems.put("what=%CE%99NVITED", WHAT);
		problems.put("what=%7B%7D", WHAT);
		problems.put("who=" + "x".repeat(10_000), WHO);
		problems.put("who=%7B%7D", WHO);
		problems.put("who=a%00b%40example.org", WHO);
		problems.put("who=%D0%90utomatic", WHO);
		problems.put("person=%D0%B0dmin%40example.org", PERSON);
		problems.put("person=" + "%C3%A9".repeat(3_000), PERSON);
		problems.put("area=%7B%7D", AREA);
		problems.put("area=-1", AREA);
		problems.put("area=" + this.organisation.missingId(), AREA);
		problems.put("area=" + this.organisation.clinic().waitingArea(), AREA);
		problems.put("areaName=Nowhere", "None of your areas has this name. Enter an area's full name.");
		problems.put("from=2026-02-30", "Enter \"From\" as a real date, like 2026-03-31.");
		problems.put("from=%EF%BC%92026-01-01", "Enter \"From\" as a real date, like 2026-03-31.");
		problems.put("to=2026-13-01", "Enter \"To\" as a real date, like 2026-03-31.");
		problems.put("to=%00", "Enter \"To\" as a real date, like 2026-03-31.");
		problems.put("from=2026-03-02&to=2026-03-01", "\"To\" must be the same day as \"From\" or later.");
		problems.put("before=abc", POSITION);
		problems.put("before=-5", POSITION);
		problems.put("before=99999999999999999999", POSITION);
		problems.put("after=%7B%7D", POSITION);
		problems.put("before=5&after=6", POSITION);
		for (Map.Entry<String, String> problem : problems.entrySet()) {
			MvcResult answer = this.admin.request("/activity?" + problem.getKey());
			assertThat(answer.getResponse().getStatus()).as(problem.getKey()).isEqualTo(200);
			Document page = Browser.page(answer);
			assertThat(Browser.errorSummary(page)).as(problem.getKey()).containsExactly(problem.getValue());
			assertThat(page.select(".field-error")).as(problem.getKey()).hasSize(1);
			assertThat(page.select("tbody tr")).as(problem.getKey()).isEmpty();
			assertThat(page.select("a[href^=/activity/export]")).as(problem.getKey()).isEmpty();
		}
	}

	@Test
	void listsEveryProblemAtOnceInTheOrderOfTheForm() throws Exception {
		Document page = this.admin.open("/activity?to=x&who=x&what=x&position=x&before=x&person=x&from=x&area=x");
		assertThat(Browser.errorSummary(page)).containsExactly(WHAT, WHO, PERSON, AREA,
				"Enter \"From\" as a real date, like 2026-03-31.", "Enter \"To\" as a real date, like 2026-03-31.",
				POSITION);
		assertThat(page.select("#who").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#who").attr("aria-describedby")).isEqualTo("who-hint who-error");
		assertThat(page.getElementById("position").attr("href")).startsWith("/activity?");
	}

	@Test
	void acceptsAnyCaseAndSurroundingSpaces() throws Exception {
		Document page = this.admin.open("/activity?who=%20AUTOMATIC%20&person=%20"
				+ this.clinic.adminEmail().toUpperCase() + "&what=%20INVITED&from=2026-01-01&to=2026-01-01");
		assertThat(page.select(".error-summary")).isEmpty();
		assertThat(page.select(".empty").text()).startsWith("Nothing recorded matches these filters.");
	}

}
