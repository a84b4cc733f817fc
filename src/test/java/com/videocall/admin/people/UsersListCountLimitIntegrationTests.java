package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Users list counts its results up to 1,000 ({@link CappedPage#COUNT_LIMIT}): beyond
 * that it says "More than 1,000 results" and numbers its pages without a total, and still
 * pages to the last person. Here a test unit's administrator sees 1,001 people: 1,000 in
 * its waiting area and the administrator.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class UsersListCountLimitIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Pages pages;

	Clinic clinic;

	@BeforeAll
	void plantOneMoreThanTheCountLimit() {
		this.clinic = this.organisation.clinic();
		String emails = "many-%-" + this.clinic.tag() + TestOrganisation.EMAIL_DOMAIN;
		this.jdbc
			.sql("""
					insert into account (email, full_name, password_hash, status, created_at)
					select replace(:emails, '%', n::text), 'Many Person ' || lpad(n::text, 4, '0'), 'unused', 'ACTIVE', now()
					from generate_series(1, :people) n
					""")
			.param("emails", emails)
			.param("people", CappedPage.COUNT_LIMIT)
			.update();
		this.jdbc.sql("""
				insert into role_grant (account_id, role, area_id, area_kind, granted_at)
				select id, 'SERVICE_PROVIDER', :area, 'WAITING_AREA', now() from account where email like :emails
				""").param("area", this.clinic.waitingArea()).param("emails", emails).update();
	}

	@Test
	void saysThereAreMoreThanItCountsAndPagesWithoutATotal() throws Exception {
		Document first = this.pages.as(this.clinic.adminEmail()).open("/users");

		assertThat(first.select("p.count").text()).isEqualTo("More than 1,000 results");
		assertThat(first.select("nav.pagination span").text()).isEqualTo("Page 1");
		assertThat(first.select("nav.pagination a[rel=next]").attr("href")).contains("page=2&after=");
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.select("table tbody tr")).hasSize(20);
	}

	@Test
	void pagesToTheLastPersonBeyondTheCount() throws Exception {
		Document last = this.pages.as(this.clinic.adminEmail()).open("/users?page=51");

		assertThat(last.select("p.count").text()).isEqualTo("More than 1,000 results");
		assertThat(last.select("nav.pagination span").text()).isEqualTo("Page 51");
		assertThat(last.select("nav.pagination a[rel=next]")).isEmpty();
		assertThat(last.select("nav.pagination a[rel=prev]").attr("href")).contains("page=50&before=");
		assertThat(last.select("table tbody tr td:nth-child(1)").eachText()).containsExactly("Many Person 1000");
	}

	@Test
	void readsNextAndPreviousPagesFromTheRowsTheirLinksName() throws Exception {
		Browser admin = this.pages.as(this.clinic.adminEmail());
		Document first = admin.open("/users");
		Document second = admin.open(first.select("nav.pagination a[rel=next]").attr("href"));
		Document back = admin.open(second.select("nav.pagination a[rel=prev]").attr("href"));

		assertThat(names(second)).isEqualTo(names(admin.open("/users?page=2"))).hasSize(20);
		assertThat(second.select("nav.pagination span").text()).isEqualTo("Page 2");
		assertThat(names(back)).isEqualTo(names(first));
		assertThat(back.select("nav.pagination span").text()).isEqualTo("Page 1");
	}

	@Test
	void readsTheNumberedPageWhenTheNamedRowIsNotInTheList() throws Exception {
		Browser admin = this.pages.as(this.clinic.adminEmail());
		long outOfScope = this.organisation.accountId(SignIn.ORG_ADMIN);

		assertThat(names(admin.open("/users?page=3&after=" + outOfScope)))
			.isEqualTo(names(admin.open("/users?page=3")));
		assertThat(names(admin.open("/users?page=3&before=" + outOfScope)))
			.isEqualTo(names(admin.open("/users?page=3")));
	}

	@Test
	void countsExactlyWhatASearchNarrowsDown() throws Exception {
		Document searched = this.pages.as(this.clinic.adminEmail()).open("/users?q=many%20person%2009");

		assertThat(searched.select("p.count").text()).isEqualTo("100 results");
		assertThat(searched.select("nav.pagination span").text()).isEqualTo("Page 1 of 5");
	}

	private static List<String> names(Document page) {
		return page.select("table tbody tr td:nth-child(1)").eachText();
	}

}
