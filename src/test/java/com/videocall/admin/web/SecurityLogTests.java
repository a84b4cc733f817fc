package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.videocall.admin.support.MutableClock;
import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SecurityLog.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The security log on its own: one line per event with its ECS fields and a message that
 * says the same, at most {@value #LINES_PER_MINUTE} (the default) lines per action and
 * minute with one line saying how many were left out, and values that cannot break a
 * line.
 */
class SecurityLogTests {

	private static final int LINES_PER_MINUTE = 20;

	private final MutableClock clock = new MutableClock();

	private final SecurityLog securityLog = new SecurityLog(this.clock, new SecurityLogProperties(LINES_PER_MINUTE));

	private final Logger logger = (Logger) LoggerFactory.getLogger(SecurityLog.class);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void listen() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void writesOneLineWithTheEventsFieldsAndTheSameInWords() {
		this.securityLog.write(Action.SIGN_IN_FAILED, "wrong password", new User(7L, "ada@test.invalid"));

		assertThat(this.lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(Level.INFO);
			assertThat(fields(line)).containsExactlyInAnyOrderEntriesOf(Map.of("event.kind", "event", "event.action",
					"sign-in-failed", "event.category", "authentication", "event.outcome", "failure", "event.reason",
					"wrong password", "user.email", "ada@test.invalid", "user.id", "7"));
			assertThat(line.getFormattedMessage())
				.isEqualTo("Sign-in failed: wrong password (user ada@test.invalid, account 7)");
		});
	}

	@Test
	void writesRefusalsAsWarningsAndOutOfScopeRequestsWithTheAdministratorsAccount() {
		this.securityLog.outOfScope(12, "invitation 34");

		assertThat(this.lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(Level.WARN);
			assertThat(fields(line)).containsEntry("event.action", "out-of-scope-request")
				.containsEntry("event.category", "web")
				.containsEntry("user.id", "12")
				.doesNotContainKey("user.email");
			assertThat(line.getFormattedMessage())
				.isEqualTo("Request outside the administrator's scope: asked for invitation 34 (account 12)");
		});
	}

	@Test
	void writesAtMostTwentyLinesAMinutePerActionThenSaysHowManyWereLeftOut() {
		for (int event = 0; event < 25; event++) {
			this.securityLog.write(Action.SIGN_IN_FAILED, "unknown email",
					User.typed("probe" + event + "@test.invalid"));
		}
		this.securityLog.write(Action.SIGN_IN_THROTTLED, "too many wrong passwords", User.UNKNOWN);
		assertThat(actions()).hasSize(LINES_PER_MINUTE + 1).endsWith("sign-in-throttled");
		assertThat(actions()).filteredOn("sign-in-failed"::equals).hasSize(LINES_PER_MINUTE);

		this.clock.advance(Duration.ofSeconds(50));
		this.securityLog.write(Action.SIGN_IN_FAILED, "unknown email", User.UNKNOWN);
		assertThat(this.lines.list).as("still within the minute").hasSize(LINES_PER_MINUTE + 1);

		this.lines.list.clear();
		this.clock.advance(Duration.ofSeconds(10));
		this.securityLog.write(Action.SIGN_IN_FAILED, "wrong password", User.account(3));
		assertThat(this.lines.list).hasSize(2);
		ILoggingEvent summary = this.lines.list.get(0);
		assertThat(summary.getLevel()).isEqualTo(Level.WARN);
		assertThat(fields(summary)).containsEntry("event.kind", "metric")
			.containsEntry("event.action", "sign-in-failed")
			.containsEntry("labels.suppressed", "6")
			.containsKeys("event.start", "event.end");
		assertThat(summary.getFormattedMessage()).startsWith("6 more sign-in-failed lines between ")
			.endsWith(" were not written: at most 20 a minute");
		assertThat(fields(this.lines.list.get(1))).containsEntry("event.kind", "event")
			.containsEntry("event.reason", "wrong password");
	}

	/**
	 * When a flood stops, the scheduled round says how many were left out, once; the next
	 * line of that action does not say it again.
	 */
	@Test
	void saysHowManyWereLeftOutOnceTheMinuteHasEndedWithoutAnotherLine() {
		for (int event = 0; event < LINES_PER_MINUTE + 3; event++) {
			this.securityLog.write(Action.CSRF_TOKEN_REFUSED, "wrong token", User.UNKNOWN);
		}
		this.securityLog.writeSuppressed();
		assertThat(this.lines.list).as("the minute has not ended").hasSize(LINES_PER_MINUTE);

		this.lines.list.clear();
		this.clock.advance(SecurityLog.INTERVAL);
		this.securityLog.writeSuppressed();
		this.securityLog.writeSuppressed();
		this.securityLog.write(Action.CSRF_TOKEN_REFUSED, "wrong token", User.UNKNOWN);
		assertThat(this.lines.list).extracting((line) -> fields(line).get("event.kind"))
			.containsExactly("metric", "event");
		assertThat(fields(this.lines.list.get(0))).containsEntry("labels.suppressed", "3")
			.containsEntry("event.action", "csrf-token-refused");
	}

	@Test
	void countsEveryEventOnceUnderConcurrentWriters() throws InterruptedException {
		ExecutorService writers = Executors.newFixedThreadPool(8);
		for (int writer = 0; writer < 8; writer++) {
			writers.execute(() -> {
				for (int event = 0; event < 100; event++) {
					this.securityLog.write(Action.ACCESS_DENIED, "not allowed", User.UNKNOWN);
				}
			});
		}
		writers.shutdown();
		assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.lines.list).hasSize(LINES_PER_MINUTE);

		this.clock.advance(SecurityLog.INTERVAL);
		this.securityLog.writeSuppressed();
		assertThat(fields(this.lines.list.get(LINES_PER_MINUTE))).containsEntry("labels.suppressed",
				Integer.toString(800 - LINES_PER_MINUTE));
	}

	@Test
	void replacesControlCharactersSoThatNobodyWritesALineOfTheirOwn() {
		assertThat(SecurityLog.clean("ada\u0000@test.invalid")).isEqualTo("ada\uFFFD@test.invalid");
		assertThat(SecurityLog.clean("x\r\n2024-01-01 INFO forged line"))
			.isEqualTo("x\uFFFD\uFFFD2024-01-01 INFO forged line");
		assertThat(SecurityLog.clean("tab\there\u2028\u202Eevil")).isEqualTo("tab\uFFFDhere\uFFFD\uFFFDevil");
		assertThat(SecurityLog.clean("ünïcødé@test.invalid")).isEqualTo("ünïcødé@test.invalid");
		assertThat(SecurityLog.clean(null)).isNull();
	}

	@Test
	void cutsLongTextToTheLongestEmailWithoutLeavingHalfACharacter() {
		assertThat(SecurityLog.clean("a".repeat(10_000))).isEqualTo("a".repeat(SecurityLog.LONGEST_VALUE));
		String emoji = "a" + "\uD83D\uDE00".repeat(200);
		assertThat(SecurityLog.clean(emoji)).hasSize(SecurityLog.LONGEST_VALUE)
			.startsWith("a\uD83D\uDE00")
			.endsWith("\uD83D\uDE00\uFFFD");
	}

	@Test
	void writesTheTypedEmailCleanedAndCutInTheFieldAndTheMessage() {
		String typed = "evil@test.invalid\r\nSign-in succeeded\u0000" + "x".repeat(10_000);

		this.securityLog.write(Action.SIGN_IN_FAILED, "unknown email", User.typed(typed));

		ILoggingEvent line = this.lines.list.get(0);
		String email = fields(line).get("user.email");
		assertThat(email).hasSize(SecurityLog.LONGEST_VALUE)
			.startsWith("evil@test.invalid\uFFFD\uFFFDSign-in succeeded\uFFFDxxx")
			.doesNotContain("\r", "\n", "\u0000");
		assertThat(line.getFormattedMessage()).contains(email).doesNotContain("\r", "\n", "\u0000");
	}

	private List<String> actions() {
		return this.lines.list.stream().map((line) -> fields(line).get("event.action")).toList();
	}

	private static Map<String, String> fields(ILoggingEvent line) {
		return line.getKeyValuePairs()
			.stream()
			.collect(Collectors.toMap((pair) -> pair.key, (pair) -> String.valueOf(pair.value)));
	}

}
