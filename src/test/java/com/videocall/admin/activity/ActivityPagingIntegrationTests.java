package com.videocall.admin.activity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.videocall.admin.activity.TrailEntries.area;
import static com.videocall.admin.activity.TrailEntries.entry;
import static com.videocall.admin.activity.TrailEntries.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC3's keyset paging: 25 entries a page, newest first; "Older" and "Newer" name the
 * entry the page continues from, so that paging either way repeats and skips nothing,
 * also while new entries arrive, and a deep page costs the statements the first does.
 */
@IntegrationTest
class ActivityPagingIntegrationTests extends ActivityPagesTest {

	@Autowired
	StatementCounter statements;

	/** The clinic's 60 entries, oldest first. */
	private final List<Long> ids = new ArrayList<>();

	@BeforeEach
	void plantSixtyEntries() {
		List<NewEntry> entries = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			entries.add(reminder(i));
		}
		this.trail.recordAll(entries);
		this.ids.addAll(this.jdbc.sql("""
				select e.id from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where x.area_id = ? order by e.id
				""").param(this.clinic.waitingArea()).query(Long.class).list());
		assertThat(this.ids).hasSize(60);
	}

	@Test
	void pagesOlderAndNewerWithoutRepeatingOrSkippingAnEntry() throws Exception {
		Document first = this.admin.open("/activity");
		assertThat(listed(first)).isEqualTo(newestFirst(35, 60));
		assertThat(first.select("nav.pagination a")).extracting(Element::text).containsExactly("Older");
		Document second = this.admin.open(link(first, "Older"));
		assertThat(listed(second)).isEqualTo(newestFirst(10, 35));
		assertThat(second.select("nav.pagination a")).extracting(Element::text)
			.containsExactly("Newest", "Newer", "Older");
		Document third = this.admin.open(link(second, "Older"));
		assertThat(listed(third)).isEqualTo(newestFirst(0, 10));
		assertThat(third.select("nav.pagination a")).extracting(Element::text).containsExactly("Newest", "Newer");
		Document backToSecond = this.admin.open(link(third, "Newer"));
		assertThat(listed(backToSecond)).isEqualTo(listed(second));
		Document backToFirst = this.admin.open(link(backToSecond, "Newer"));
		assertThat(listed(backToFirst)).isEqualTo(listed(first));
		assertThat(backToFirst.select("nav.pagination a")).extracting(Element::text).containsExactly("Newest", "Older");
	}

	@Test
	void keepsItsPlaceWhileNewEntriesArrive() throws Exception {
		Document second = this.admin.open(link(this.admin.open("/activity"), "Older"));
		for (int i = 60; i < 65; i++) {
			this.trail.record(reminder(i));
		}
		List<Long> all = this.jdbc.sql("""
				select e.id from activity_entry e join activity_entry_area x on x.entry_id = e.id
				where x.area_id = ? order by e.id
				""").param(this.clinic.waitingArea()).query(Long.class).list();
		// Older still continues after the second page; Newer leads back to what was the
		// first page, and then to the new entries.
		assertThat(listed(this.admin.open(link(second, "Older")))).isEqualTo(newestFirst(0, 10));
		Document newer = this.admin.open(link(second, "Newer"));
		assertThat(listed(newer)).isEqualTo(newestFirst(35, 60));
		Document newest = this.admin.open(link(newer, "Newer"));
		assertThat(listed(newest)).isEqualTo(reversed(all.subList(60, 65)));
		assertThat(newest.select("nav.pagination a")).extracting(Element::text).containsExactly("Newest", "Older");
		// A position past every entry, or before the first, is a page like any other.
		assertThat(listed(this.admin.open("/activity?before=" + (all.get(64) + 1_000_000)))).hasSize(25);
		Document beforeTheFirst = this.admin.open("/activity?before=" + this.ids.get(0));
		assertThat(beforeTheFirst.select("tbody tr")).isEmpty();
		assertThat(beforeTheFirst.select(".empty").text()).startsWith("There are no more entries this way.");
	}

	@Test
	void readsADeepPageWithTheStatementsOfTheFirst() throws Exception {
		String deep = "/activity?area=" + this.clinic.waitingArea() + "&before=" + this.ids.get(30);
		String first = "/activity?area=" + this.clinic.waitingArea();
		// Once before counting: whether the directory has many areas is read once a
		// minute.
		this.pages.as(SignIn.ADMIN).open(first);
		int firstPage = this.statements.count(() -> this.pages.as(SignIn.ADMIN).open(first));
		int deepPage = this.statements.count(() -> this.pages.as(SignIn.ADMIN).open(deep));
		assertThat(deepPage).isEqualTo(firstPage);
		assertThat(listed(this.pages.as(SignIn.ADMIN).open(deep))).isEqualTo(newestFirst(5, 30));
		assertThat(this.statements.pageStatements(() -> this.pages.as(SignIn.ADMIN).open(deep)))
			.noneMatch((sql) -> sql.toLowerCase().contains("offset :") || sql.toLowerCase().contains("offset ?"));
	}

	private NewEntry reminder(int i) {
		return entry(ActivityKind.REMINDER_SENT, on("2026-06-01").plusSeconds(i), this.clinic.admin(), null,
				"Pending Invitations", null, area(this.clinic.waitingArea()));
	}

	/**
	 * The ids of the clinic's entries from the {@code from}th to before the {@code to}th,
	 * newest first.
	 */
	private List<Long> newestFirst(int from, int to) {
		return reversed(this.ids.subList(from, to));
	}

	private static List<Long> reversed(List<Long> ids) {
		List<Long> reversed = new ArrayList<>(ids);
		Collections.reverse(reversed);
		return reversed;
	}

	private static List<Long> listed(Document page) {
		return page.select("tbody tr")
			.stream()
			.map((row) -> Long.parseLong(row.id().substring("entry-".length())))
			.toList();
	}

	private static String link(Document page, String text) {
		return page.select("nav.pagination a")
			.stream()
			.filter((a) -> a.text().equals(text))
			.findFirst()
			.orElseThrow()
			.attr("href");
	}

}
