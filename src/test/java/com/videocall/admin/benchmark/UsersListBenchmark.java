package com.videocall.admin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.people.StatusFilter;
import com.videocall.admin.people.Users;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.web.Paging;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.ContextConfiguration;

import javax.sql.DataSource;

/**
 * How long the Users list's queries take at 100,000 accounts (docs/requirements.md §5),
 * side by side with the demo organisation's size in the same run. Not part of the build:
 * run it with {@code ./mvnw test -Dtest=UsersListBenchmark -Dbenchmark.groups=none}.
 * Prints median and 95th percentile over 25 runs after 5 warm-up runs.
 */
@Tag("benchmark")
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class UsersListBenchmark {

	private static final int WARM_UP = 5;

	private static final int RUNS = 25;

	@Autowired
	Users users;

	@Autowired
	AdministratorScopes scopes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void measuresTheUsersListAtOneHundredThousandAccounts() {
		AdministratorScope clinicAdmin = scopeOf("clinic.admin@example.org");
		AdministratorScope demoSystemAdmin = scopeOf("admin@example.org");
		List<String> lines = new ArrayList<>();
		double baseline = measure(lines, "demo size: clinic admin, page 1",
				() -> this.users.find(clinicAdmin, "", StatusFilter.ALL, Paging.page(1)));
		measure(lines, "demo size: system admin, page 1",
				() -> this.users.find(demoSystemAdmin, "", StatusFilter.ALL, Paging.page(1)));

		long start = System.nanoTime();
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-organisation.sql"))
			.execute(this.dataSource);
		lines.add(String.format(Locale.ROOT, "loaded the synthetic organisation in %.1f s",
				(System.nanoTime() - start) / 1e9));
		assertThat(this.jdbc.sql("select count(*) from account").query(Long.class).single()).isGreaterThan(100_000);
		assertThat(this.jdbc.sql("""
				select count(*) from invitation i
				where not exists (select 1 from invitation_link l where l.invitation_id = i.id)
				""").query(Long.class).single()).as("invitations without a link (the script bypasses V8's check)")
			.isZero();

		AdministratorScope systemAdmin = scopeOf("admin@example.org");
		AdministratorScope unitAdmin = scopeOf("person1@bulk.invalid");
		lines.add("unit administrator's scope: " + unitAdmin.areaIds().size() + " areas");
		List<Double> large = List.of(
				measure(lines, "100k: system admin, page 1",
						() -> this.users.find(systemAdmin, "", StatusFilter.ALL, Paging.page(1))),
				measure(lines, "100k: system admin, page 1000",
						() -> this.users.find(systemAdmin, "", StatusFilter.ALL, Paging.page(1000))),
				measure(lines, "100k: system admin, invited, page 1",
						() -> this.users.find(systemAdmin, "", StatusFilter.INVITED, Paging.page(1))),
				measure(lines, "100k: system admin, search 'walker 77'",
						() -> this.users.find(systemAdmin, "walker 77", StatusFilter.ALL, Paging.page(1))),
				measure(lines, "100k: system admin, search 'invitee1999'",
						() -> this.users.find(systemAdmin, "invitee1999", StatusFilter.ALL, Paging.page(1))),
				measure(lines, "100k: unit admin, page 1",
						() -> this.users.find(unitAdmin, "", StatusFilter.ALL, Paging.page(1))),
				measure(lines, "100k: clinic admin (demo scope), page 1",
						() -> this.users.find(clinicAdmin, "", StatusFilter.ALL, Paging.page(1))));
		measure(lines, "100k: computing a unit administrator's scope",
				() -> this.scopes.forAccount(unitAdmin.accountId()));
		lines.add(String.format(Locale.ROOT, "slowest 100k Users list / demo-size clinic admin list: %.1fx",
				Collections.max(large) / baseline));
		System.out.println("\n=== Users list benchmark (median / p95 of " + RUNS + " runs) ===");
		lines.forEach(System.out::println);
	}

	private AdministratorScope scopeOf(String email) {
		long id = this.jdbc.sql("select id from account where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
		return this.scopes.forAccount(id);
	}

	/**
	 * Returns the median in milliseconds and adds a line with median and 95th percentile.
	 */
	private static double measure(List<String> lines, String name, Supplier<?> query) {
		for (int i = 0; i < WARM_UP; i++) {
			check(query.get());
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			check(query.get());
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		double median = millis.get(RUNS / 2);
		lines.add(String.format(Locale.ROOT, "%-55s %8.2f ms %8.2f ms", name, median,
				millis.get((int) Math.ceil(RUNS * 0.95) - 1)));
		return median;
	}

	private static void check(Object result) {
		if (result instanceof Page<?> page) {
			assertThat(page.getTotalElements()).isPositive();
		}
	}

}
