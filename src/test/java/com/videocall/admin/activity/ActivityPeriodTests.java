package com.videocall.admin.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.videocall.admin.activity.ActivityRow.AreaInScope;
import com.videocall.admin.directory.AdministratorScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "From" and "To" (AC3) find exactly the entries of the period, in chain order, although
 * entries' times do not follow that order strictly (a transaction chained after another
 * may have acted before it; instances' clocks differ): paging older and newer through a
 * period lists each of its entries once, whichever way {@link ActivityStatements} reads
 * it, for entries chained hours or weeks after they happened and for entries planted in
 * bulk too.
 */
class ActivityPeriodTests {

	private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

	private static final AdministratorScope SYSTEM_ADMINISTRATOR = new AdministratorScope(1, true, Set.of());

	private final TrailDatabase trail = TrailDatabase.get();

	private final ActivityEntries entries = new ActivityEntries(this.trail.jdbc());

	/**
	 * 300 entries, one every 20 minutes over four days, chained in time order but for
	 * every seventh, chained three hours after it happened, and one chained 40 days late.
	 */
	@BeforeEach
	void plantEntriesOutOfTimeOrder() {
		this.trail.empty();
		for (int i = 0; i < 300; i++) {
			Instant at = START.plus(Duration.ofMinutes(20L * i));
			this.trail.write((i % 7 == 3) ? at.minus(Duration.ofHours(3)) : at, 1 + i % 5);
		}
		this.trail.write(START.plus(Duration.ofDays(2)).minus(Duration.ofDays(40)), 2);
		this.trail.write(START.plus(Duration.ofDays(2)).plusSeconds(1), 3);
	}

	@Test
	void listsEveryEntryOfAPeriodOnceInChainOrderPagingEitherWay() {
		List<Instant[]> periods = List.of(period(1, 2), period(0, 4), period(2, 3), period(-41, -37),
				new Instant[] { null, START.plus(Duration.ofDays(1)) },
				new Instant[] { START.plus(Duration.ofDays(3)), null }, period(10, 11));
		for (Instant[] period : periods) {
			assertPagesList(period[0], period[1], inPeriod(period[0], period[1]));
		}
	}

	@Test
	void listsEntriesPlantedInBulkToo() {
		// Planted as the benchmark's script plants its history: after newer entries.
		this.trail.plant(30, START.plus(Duration.ofDays(1)).minus(Duration.ofDays(300)), Duration.ofHours(5));
		assertPagesList(START.minus(Duration.ofDays(300)), START.plus(Duration.ofDays(2)),
				inPeriod(START.minus(Duration.ofDays(300)), START.plus(Duration.ofDays(2))));
		this.trail.write(START.plus(Duration.ofDays(1)), 4);
		assertPagesList(START.minus(Duration.ofDays(300)), START.plus(Duration.ofDays(2)),
				inPeriod(START.minus(Duration.ofDays(300)), START.plus(Duration.ofDays(2))));
	}

	private void assertPagesList(Instant from, Instant until, List<Long> expected) {
		ActivityQuery query = new ActivityQuery(null, false, null, null, null, from, until);
		List<ActivityPage> older = new ArrayList<>();
		ActivityPage page = this.entries.page(SYSTEM_ADMINISTRATOR, query, ActivityPosition.NEWEST);
		older.add(page);
		while (page.olderThan() != null) {
			page = this.entries.page(SYSTEM_ADMINISTRATOR, query, ActivityPosition.before(page.olderThan()));
			older.add(page);
		}
		assertThat(older.stream().flatMap((shown) -> ids(shown).stream()).toList()).as("older, %s to %s", from, until)
			.isEqualTo(expected);
		// And back, newer from the last page, to the first.
		List<Long> newer = new ArrayList<>(ids(page));
		while (page.newerThan() != null) {
			page = this.entries.page(SYSTEM_ADMINISTRATOR, query, ActivityPosition.after(page.newerThan()));
			newer.addAll(0, ids(page));
		}
		assertThat(newer).as("newer, %s to %s", from, until).isEqualTo(expected);
	}

	private static List<Long> ids(ActivityPage page) {
		assertThat(page.rows()).allSatisfy((row) -> assertThat(row.areas()).extracting(AreaInScope::id).isNotEmpty());
		return page.rows().stream().map(ActivityRow::id).toList();
	}

	/** The entries of the period, newest first by id, as the trail holds them. */
	private List<Long> inPeriod(Instant from, Instant until) {
		return this.trail.jdbc()
			.sql("select id from activity_entry where occurred_at >= coalesce(cast(? as timestamptz), '-infinity')"
					+ " and occurred_at < coalesce(cast(? as timestamptz), 'infinity') order by id desc")
			.params(timestamp(from), timestamp(until))
			.query(Long.class)
			.list();
	}

	private static Instant[] period(int fromDay, int untilDay) {
		return new Instant[] { START.plus(Duration.ofDays(fromDay)), START.plus(Duration.ofDays(untilDay)) };
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
