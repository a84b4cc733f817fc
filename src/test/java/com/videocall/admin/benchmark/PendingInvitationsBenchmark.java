package com.videocall.admin.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.support.TestDatabaseInitializer;
import com.videocall.admin.web.Paging;
import com.videocall.admin.worklist.PendingFilter;
import com.videocall.admin.worklist.PendingInvitationActions;
import com.videocall.admin.worklist.PendingInvitations;
import com.videocall.admin.worklist.PendingQuery;
import com.videocall.admin.worklist.PendingSort;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pending Invitations list's SQL (P1, P2), the home page's counts (P5), the CSV (P4)
 * and a bulk reminder to 500 (P3) at 20,000 pending invitations (requirements §5). Not
 * part of the build:
 * {@code ./mvnw test -Dtest=PendingInvitationsBenchmark -Dbenchmark.groups=none}. Prints
 * the median of 9 runs after 3 warm-up runs.
 */
@Tag("benchmark")
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class PendingInvitationsBenchmark {

	private static final int WARM_UP = 3;

	private static final int RUNS = 9;

	@Autowired
	PendingInvitations pending;

	@Autowired
	PendingInvitationActions actions;

	@Autowired
	AdministratorScopes scopes;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void measuresThePendingInvitationsAtTwentyThousand() {
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-organisation.sql"))
			.execute(this.dataSource);
		// The script writes the list's stored keys itself (its triggers are off): as they
		// would have.
		assertThat(this.jdbc.sql("""
				select count(*) from ((select * from pending_invitation except select * from pending_invitation_keys)
				                      union all
				                      (select * from pending_invitation_keys except select * from pending_invitation)) d
				""").query(Long.class).single()).isZero();
		AccountUser admin = (AccountUser) this.accounts.loadUserByUsername("admin@example.org");
		AdministratorScope everything = this.scopes.forAccount(admin.accountId());
		List<String> lines = new ArrayList<>();
		for (PendingFilter filter : PendingFilter.values()) {
			measure(lines, "system admin, " + filter.urlValue() + ", page 1", () -> this.pending.find(everything,
					new PendingQuery("", filter, null, PendingSort.INVITED), Paging.page(1)));
		}
		measure(lines, "system admin, sorted by expiry, page 1", () -> this.pending.find(everything,
				new PendingQuery("", PendingFilter.ALL, null, PendingSort.EXPIRY), Paging.page(1)));
		measure(lines, "system admin, search 'walker', page 1", () -> this.pending.find(everything,
				new PendingQuery("walker", PendingFilter.ALL, null, PendingSort.INVITED), Paging.page(1)));
		// Everyone's inviter made a System Administrator: the filter then matches
		// nothing.
		this.jdbc.sql("update account set system_administrator = true where email = 'person1@bulk.invalid'").update();
		measure(lines, "system admin, inviter-gone, when no inviter is gone", () -> this.pending.find(everything,
				new PendingQuery("", PendingFilter.INVITER_GONE, null, PendingSort.INVITED), Paging.page(1)));
		this.jdbc.sql("update account set system_administrator = false where email = 'person1@bulk.invalid'").update();
		measure(lines, "system admin, page 800",
				() -> this.pending.find(everything, PendingQuery.all(), Paging.page(800)));
		measure(lines, "system admin, home page counts", () -> this.pending.counts(everything));
		AdministratorScope clinic = this.scopes
			.forAccount(this.jdbc.sql("select id from account where email = 'person1@bulk.invalid'")
				.query(Long.class)
				.single());
		measure(lines, "a clinic's administrator, page 1",
				() -> this.pending.find(clinic, PendingQuery.all(), Paging.page(1)));
		measure(lines, "a clinic's administrator, home page counts", () -> this.pending.counts(clinic));
		// A tenth of the organisation: everything below one of the ten top-level units.
		AdministratorScope tenth = new AdministratorScope(clinic.accountId(), false, Set.copyOf(this.jdbc.sql("""
				with recursive below(id) as (select id from area where name = 'Bulk Health 1'
				                             union all select a.id from area a join below b on a.parent_id = b.id)
				select id from below
				""").query(Long.class).list()));
		for (PendingFilter filter : PendingFilter.values()) {
			measure(lines, "a tenth of the organisation, " + filter.urlValue() + ", page 1", () -> this.pending
				.find(tenth, new PendingQuery("", filter, null, PendingSort.INVITED), Paging.page(1)));
		}
		measure(lines, "a tenth of the organisation, home page counts", () -> this.pending.counts(tenth));

		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		AtomicLong rows = new AtomicLong();
		AtomicLong maxHeap = new AtomicLong();
		long start = System.nanoTime();
		this.pending.forEach(everything, PendingQuery.all(), (row) -> {
			if (rows.incrementAndGet() % 1000 == 0) {
				maxHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
			}
		});
		lines.add(String.format(Locale.ROOT, "CSV rows read: %d in %.0f ms, heap growth at most %d MB", rows.get(),
				(System.nanoTime() - start) / 1e6, Math.max(0, maxHeap.get() - heapBefore) / (1024 * 1024)));
		assertThat(rows.get()).isGreaterThanOrEqualTo(20_000);

		// Two bulk reminders of 200 to warm the path up, as in a running server, then
		// three
		// of 500, each to invitations no earlier one touched.
		List<Map<Long, Long>> batches = new ArrayList<>();
		for (int size : List.of(200, 200, 500, 500, 500)) {
			Map<Long, Long> versions = new LinkedHashMap<>();
			this.jdbc
				.sql("select id, version from invitation where status = 'PENDING' and reminders_sent = 0 "
						+ "order by id limit :size offset :skip")
				.param("size", size)
				.param("skip", batches.stream().mapToInt(Map::size).sum())
				.query((rs) -> {
					versions.put(rs.getLong(1), rs.getLong(2));
				});
			batches.add(versions);
		}
		List<Double> bulk = new ArrayList<>();
		for (Map<Long, Long> versions : batches) {
			long bulkStart = System.nanoTime();
			int done = this.actions.remind(everything, admin, versions, "Pending Invitations").done().size();
			assertThat(done).isEqualTo(versions.size());
			if (versions.size() == 500) {
				bulk.add((System.nanoTime() - bulkStart) / 1e6);
			}
		}
		lines.add(String.format(Locale.ROOT, "bulk reminder to 500 selected, after two of 200: %s ms",
				bulk.stream()
					.map((millis) -> String.format(Locale.ROOT, "%.0f", millis))
					.collect(java.util.stream.Collectors.joining(", "))));
		System.out.println("\n=== Pending Invitations benchmark (median of " + RUNS + " runs) ===");
		lines.forEach(System.out::println);
	}

	private static void measure(List<String> lines, String name, java.util.function.Supplier<?> query) {
		for (int i = 0; i < WARM_UP; i++) {
			query.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		lines.add(String.format(Locale.ROOT, "%-50s %8.1f ms", name, millis.get(RUNS / 2)));
	}

}
