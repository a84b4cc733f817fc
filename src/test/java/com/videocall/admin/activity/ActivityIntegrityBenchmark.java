package com.videocall.admin.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity check (AC5) over a million entries, in a database of its own, a batch at
 * a time in bounded memory. Not part of the build:
 * {@code JAVA_TOOL_OPTIONS=-Xmx128m ./mvnw test -Dtest=ActivityIntegrityBenchmark -Dbenchmark.groups=none}
 * (a heap of 128 MB is enough). Prints the time to plant the entries, and the time of
 * each of 3 checks with the heap used after it.
 */
@Tag("benchmark")
class ActivityIntegrityBenchmark {

	private static final int ENTRIES = 1_000_000;

	@Test
	void checksAMillionEntries() {
		TrailDatabase trail = TrailDatabase.get();
		trail.empty();
		long planting = System.nanoTime();
		trail.plant(ENTRIES, Instant.now().minus(Duration.ofDays(2000)), Duration.ofSeconds(150));
		trail.jdbc().sql("vacuum analyze activity_entry").update();
		trail.jdbc().sql("vacuum analyze activity_entry_area").update();
		report("planted %,d entries in %.1f s", ENTRIES, seconds(planting));
		ActivityIntegrity integrity = new ActivityIntegrity(trail.jdbc(), trail.transactions(),
				new ActivityProperties(Period.ofYears(7), Duration.ofDays(1)), Clock.systemUTC());
		for (int run = 1; run <= 3; run++) {
			long start = System.nanoTime();
			IntegrityCheck check = integrity.check();
			double took = seconds(start);
			assertThat(check.broken()).isFalse();
			assertThat(check.entriesChecked()).isEqualTo(ENTRIES);
			Runtime runtime = Runtime.getRuntime();
			report("check %d: %,d entries in %.1f s; heap used %d MB of at most %d MB", run, check.entriesChecked(),
					took, (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void report(String format, Object... values) {
		System.out.println("Activity integrity benchmark: " + String.format(format, values));
	}

}
