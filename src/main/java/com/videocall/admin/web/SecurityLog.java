package com.videocall.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Security events that are not administrators' actions (ASVS 16.3.1, 16.3.2): refused
 * CSRF tokens, requests the access rules refuse, requests outside an administrator's
 * scope (X1), failed and throttled sign-ins, throttled "Forgot your password?" requests
 * and new invitation links. Each is one log line whose message says it all in words (text
 * logs) and whose key/value pairs are ECS fields in JSON logs ({@code event.action},
 * {@code event.category}, {@code event.outcome}, {@code event.reason}, {@code user.id},
 * {@code user.email}, {@code source.ip}, {@code http.request.method}, {@code url.path};
 * Spring Boot's ECS format nests dotted keys). Administrators' own actions go to the
 * invitation history and the activity trail instead.
 * <p>
 * Levels: WARN for what a person using the pages as meant does not cause (a refused
 * token, a refused or out-of-scope request, a throttle refusing); INFO for a failed
 * sign-in, which is mostly a mistyped password and worth a line, not an alert.
 * <p>
 * A flood cannot fill the disk: each action writes at most
 * {@code app.security-log.lines-per-minute} lines (20 by default) in a minute that opens
 * with its first line (a line is about 700 bytes of JSON, so at most about 20 MB a day
 * per action, while a normal day's mistyped passwords are all written). The lines refused
 * are counted, and one line per action says how many, with the interval, when the next
 * line of that action is written or at the latest a minute after the interval ended. The
 * counts are this instance's, in memory: they bound this instance's log. Memory stays
 * bounded: one counter per action, whatever is sent.
 * <p>
 * Nothing secret is written: no password, code, token or link (paths of emailed links are
 * cut before their token). Every text value, such as an email typed at sign-in, is cut to
 * {@value #LONGEST_VALUE} characters (the longest email) and its control, format and
 * line-separator characters are replaced by U+FFFD, so that nobody writes a line of their
 * own into the log.
 */
@Component
public class SecurityLog {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	/** The longest text value written: the longest email (RFC 5321). */
	static final int LONGEST_VALUE = 254;

	private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]");

	private static final Logger logger = LoggerFactory.getLogger(SecurityLog.class);

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final Clock clock;

	private final int linesPerMinute;

	private final Map<Action, Allowance> allowances = new EnumMap<>(Action.class);

	SecurityLog(Clock clock, SecurityLogProperties properties) {
		this.clock = clock;
		this.linesPerMinute = properties.linesPerMinute();
		for (Action action : Action.values()) {
			this.allowances.put(action, new Allowance(this.linesPerMinute));
		}
	}

	/** What happened: the value of {@code event.action}, its category and level. */
	public enum Action {

		/** A POST whose CSRF token is missing or wrong (not one whose session ended). */
		CSRF_TOKEN_REFUSED("csrf-token-refused", "web", Level.WARN, "CSRF token refused"),

		/** A request the security configuration's rules refuse (403). */
		ACCESS_DENIED("access-denied", "web", Level.WARN, "Request refused by the access rules"),

		/** A record outside the administrator's scope, answered "not found" (X1). */
		OUT_OF_SCOPE_REQUEST("out-of-scope-request", "web", Level.WARN, "Request outside the administrator's scope"),

		/**
		 * A wrong password, unknown email or inactive account at sign-in; a wrong code or
		 * recovery code at the second step or "Confirm it's you"; a refused passkey or
		 * single sign-on.
		 */
		SIGN_IN_FAILED("sign-in-failed", "authentication", Level.INFO, "Sign-in failed"),

		/** A password or code the throttle refused to check (SI8). */
		SIGN_IN_THROTTLED("sign-in-throttled", "authentication", Level.WARN, "Sign-in attempt throttled"),

		/** A "Forgot your password?" request or link over its limit (SI9). */
		PASSWORD_RESET_THROTTLED("password-reset-throttled", "authentication", Level.WARN,
				"\"Forgot your password?\" throttled"),

		/** "Send me a new link" over the limit of its client address. */
		NEW_LINK_THROTTLED("new-link-throttled", "web", Level.WARN, "New invitation link throttled");

		private final String value;

		private final String category;

		private final Level level;

		private final String text;

		Action(String value, String category, Level level, String text) {
			this.value = value;
			this.category = category;
			this.level = level;
			this.text = text;
		}

	}

	/** Who the event is about, as far as known: an account's id, an email (as typed). */
	public record User(Long id, String email) {

		public static final User UNKNOWN = new User(null, null);

		public static User account(long id) {
			return new User(id, null);
		}

		public static User typed(String email) {
			return new User(null, email);
		}

		/** Whoever is signed in, if anybody (possibly still owing a second factor). */
		public static User signedIn(Authentication authentication) {
			if (!trust.isAuthenticated(authentication)) {
				return UNKNOWN;
			}
			Long id = (authentication.getPrincipal() instanceof AccountPrincipal account) ? account.accountId() : null;
			return new User(id, authentication.getName());
		}

	}

	/**
	 * Writes one line, unless this action has used up its lines of the minute. The
	 * request being handled, if any, gives the client address, method and path.
	 */
	public void write(Action action, String reason, User user) {
		Allowance.Admission admission = this.allowances.get(action).admit(this.clock.instant());
		if (admission.ended() != null) {
			writeSuppressed(action, admission.ended());
		}
		if (!admission.allowed()) {
			return;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("event.kind", "event");
		fields.put("event.action", action.value);
		fields.put("event.category", action.category);
		fields.put("event.outcome", "failure");
		fields.put("event.reason", clean(reason));
		StringJoiner details = new StringJoiner(", ", " (", ")").setEmptyValue("");
		if (user.email() != null) {
			fields.put("user.email", clean(user.email()));
			details.add("user " + fields.get("user.email"));
		}
		if (user.id() != null) {
			fields.put("user.id", user.id().toString());
			details.add("account " + user.id());
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			fields.put("source.ip", clean(request.getRemoteAddr()));
			fields.put("http.request.method", clean(request.getMethod()));
			fields.put("url.path", clean(MalformedParametersFilter.loggedPath(request)));
			details.add("from " + fields.get("source.ip"));
			details.add(fields.get("http.request.method") + " " + fields.get("url.path"));
		}
		line(action.level, action.text + ": " + fields.get("event.reason") + details, fields);
	}

	/**
	 * An administrator asked for a record outside their scope ({@code asked}: "invitation
	 * 12"), and was answered "not found" (X1).
	 */
	public void outOfScope(long accountId, String asked) {
		write(Action.OUT_OF_SCOPE_REQUEST, "asked for " + asked, User.account(accountId));
	}

	/**
	 * Says how many lines were left out in intervals that have ended, for actions that
	 * wrote nothing since.
	 */
	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
	void writeSuppressed() {
		Instant now = this.clock.instant();
		this.allowances.forEach((action, allowance) -> {
			Allowance.Suppressed ended = allowance.takeEnded(now);
			if (ended != null) {
				writeSuppressed(action, ended);
			}
		});
	}

	private void writeSuppressed(Action action, Allowance.Suppressed suppressed) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("event.kind", "metric");
		fields.put("event.action", action.value);
		fields.put("event.category", action.category);
		fields.put("event.start", suppressed.start().toString());
		fields.put("event.end", suppressed.end().toString());
		fields.put("labels.suppressed", Integer.toString(suppressed.lines()));
		line(Level.WARN, "%d more %s lines between %s and %s were not written: at most %d a minute".formatted(
				suppressed.lines(), action.value, suppressed.start(), suppressed.end(), this.linesPerMinute), fields);
	}

	private static void line(Level level, String message, Map<String, String> fields) {
		LoggingEventBuilder line = logger.atLevel(level);
		fields.forEach(line::addKeyValue);
		line.log(message);
	}

	/**
	 * The text cut to {@value #LONGEST_VALUE} characters, each control, format,
	 * unpaired-surrogate or line-separator character replaced by U+FFFD.
	 */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String kept = (text.length() > LONGEST_VALUE) ? text.substring(0, LONGEST_VALUE) : text;
		return UNSAFE.matcher(kept).replaceAll("\uFFFD");
	}

	/**
	 * One action's allowance: at most {@code max} lines in an interval of
	 * {@link #INTERVAL} that opens with the first line after the last interval ended; the
	 * lines refused are counted until they are reported, once.
	 */
	static final class Allowance {

		private final int max;

		private Instant start = Instant.MIN;

		private Instant end = Instant.MIN;

		private int written;

		private int suppressed;

		Allowance(int max) {
			this.max = max;
		}

		/**
		 * Counts a line at {@code now}: whether it may be written, and the lines refused
		 * in an interval that has just ended, to be reported first.
		 */
		synchronized Admission admit(Instant now) {
			Suppressed ended = null;
			if (!now.isBefore(this.end)) {
				ended = takeEnded(now);
				this.start = now;
				this.end = now.plus(INTERVAL);
				this.written = 0;
			}
			if (this.written < this.max) {
				this.written++;
				return new Admission(true, ended);
			}
			this.suppressed++;
			return new Admission(false, ended);
		}

		/** The lines refused in the last interval, once it has ended; else null. */
		synchronized Suppressed takeEnded(Instant now) {
			if (this.suppressed == 0 || now.isBefore(this.end)) {
				return null;
			}
			Suppressed ended = new Suppressed(this.suppressed, this.start, this.end);
			this.suppressed = 0;
			return ended;
		}

		record Admission(boolean allowed, Suppressed ended) {
		}

		record Suppressed(int lines, Instant start, Instant end) {
		}

	}

}
