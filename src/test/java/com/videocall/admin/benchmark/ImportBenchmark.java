package com.videocall.admin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.onboarding.ImportManagement;
import com.videocall.admin.onboarding.ImportSummary;
import com.videocall.admin.onboarding.RowOutcome;
import com.videocall.admin.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.ContextConfiguration;

/**
 * Import Users (IM3) at the size of requirements §5: over the synthetic organisation
 * (100,000 accounts, 20,000 pending invitations, 3,300 areas), a System Administrator
 * previews and imports a file of 5,000 rows (3,000 new people in waiting areas named by
 * name, 1,000 active people given a meeting room's role, 1,000 invitees offered one more
 * role), each row through Add Users with its email queued in the outbox. Prints the
 * preview's time, the import's time (from "Import" until the last row is done, on the
 * import's own thread, as the page would see it), the time a row took in each fifth of
 * the import, and the heap before and after. Not part of the build:
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dbenchmark.groups=none}.
 */
@Tag("benchmark")
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ImportBenchmark {

	/** 5,000, or fewer for a quick look: {@code -Dimport.rows=500}. */
	private static final int ROWS = Integer.getInteger("import.rows", 5000);

	@Autowired
	ImportManagement imports;

	@Autowired
	AdministratorScopes scopes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void previewsAndImportsFiveThousandRows() throws InterruptedException {
		long start = System.nanoTime();
		new ResourceDatabasePopulator(new ClassPathResource("bulk/synthetic-organisation.sql"))
			.execute(this.dataSource);
		System.out.printf(Locale.ROOT, "%n=== Import benchmark (requirements §5 size) ===%nPlanted in %.1f s%n",
				(System.nanoTime() - start) / 1e9);
		long admin = this.jdbc.sql("select id from account where email = 'admin@example.org'")
			.query(Long.class)
			.single();
		AdministratorScope scope = this.scopes.forAccount(admin);
		byte[] file = file();
		long emailsBefore = count("select count(*) from outbound_email");
		long heapBefore = heap();

		long previewStart = System.nanoTime();
		long id = this.imports.preview(scope, null, "benchmark.csv", file);
		double previewSeconds = (System.nanoTime() - previewStart) / 1e9;
		long heapAfterPreview = heap();
		ImportSummary preview = this.imports.get(scope, id);
		Map<RowOutcome, Integer> planned = this.imports.counts(preview);

		long importStart = System.nanoTime();
		assertThat(this.imports.start(scope, id)).isTrue();
		ImportSummary progress = this.imports.get(scope, id);
		int reported = 0;
		long sliceStart = importStart;
		while (progress.status() != ImportSummary.Status.IMPORTED) {
			Thread.sleep(100);
			progress = this.imports.get(scope, id);
			if (progress.done() >= reported + ROWS / 5 || progress.status() == ImportSummary.Status.IMPORTED) {
				long sliceEnd = System.nanoTime();
				System.out.printf(Locale.ROOT, "  rows %,d-%,d: %.1f ms a row%n", reported + 1, progress.done(),
						(sliceEnd - sliceStart) / 1e6 / Math.max(1, progress.done() - reported));
				reported = progress.done();
				sliceStart = sliceEnd;
			}
		}
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		long heapAfterImport = heap();
		Map<RowOutcome, Integer> results = this.imports.counts(this.imports.get(scope, id));
		long emails = count("select count(*) from outbound_email") - emailsBefore;

		System.out.printf(Locale.ROOT, "File: %,d rows, %,d bytes%n", ROWS, file.length);
		System.out.printf(Locale.ROOT, "Preview: %.2f s (%s)%n", previewSeconds, planned);
		System.out.printf(Locale.ROOT, "Import: %.2f s, %.1f ms a row (%s); %,d emails queued%n", importSeconds,
				importSeconds * 1000 / ROWS, results, emails);
		System.out.printf(Locale.ROOT, "Heap after GC: before %d MB, after the preview %d MB, after the import %d MB%n",
				heapBefore >> 20, heapAfterPreview >> 20, heapAfterImport >> 20);
		assertThat(planned).isEqualTo(results);
		assertThat(results.get(RowOutcome.INVITED)).isEqualTo(ROWS * 3 / 5);
		assertThat(emails).isEqualTo(results.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != RowOutcome.UNCHANGED)
			.mapToLong(Map.Entry::getValue)
			.sum());
	}

	/**
	 * 3,000 new people, 1,000 active ones, 1,000 invitees; CRLF, as a spreadsheet saves
	 * it.
	 */
	private static byte[] file() {
		StringBuilder csv = new StringBuilder("email,name,area,roles,access until,message\r\n");
		String run = Long.toString(System.currentTimeMillis(), 36);
		for (int i = 1; i <= ROWS * 3 / 5; i++) {
			csv.append("new")
				.append(i)
				.append('-')
				.append(run)
				.append("@import.invalid,New Person ")
				.append(i)
				.append(",Bulk Waiting Area ")
				.append(1 + i % 2000)
				.append(",\"Service Provider;Receptionist\",,Welcome to the clinic\r\n");
		}
		for (int i = 1; i <= ROWS / 5; i++) {
			csv.append("person")
				.append(1000 + i)
				.append("@bulk.invalid,,Bulk Meeting Room ")
				.append(1 + (i * 7) % 1000)
				.append(",Meeting Room Member,,\r\n");
		}
		for (int i = 1; i <= ROWS / 5; i++) {
			csv.append("invitee")
				.append(i)
				.append("@bulk.invalid,,Bulk Waiting Area ")
				.append(1 + (i * 13) % 2000)
				.append(",Receptionist,,\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static long heap() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
