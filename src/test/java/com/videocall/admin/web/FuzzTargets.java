package com.videocall.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.FuzzRoutes.Param;
import com.videocall.admin.web.FuzzRoutes.Route;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fuzz test's own clinic (invitations in its unit, waiting area and meeting room,
 * their link tokens, a Service Administrator of the waiting area) and the requests made
 * from it: one parameter malformed, the others valid for one of its invitations, so that
 * the request gets as far into its handler as it can.
 */
final class FuzzTargets {

	static final String PASSWORD = TestOrganisation.PASSWORD;

	private static final int INVITATIONS = 30;

	private static final String SET_UP_PASSWORD = "a+long+and+unusual+passphrase";

	private final TestOrganisation organisation;

	private final Invitations invitations;

	private final InvitationRecords records;

	private final JdbcClient jdbc;

	private final AtomicInteger added = new AtomicInteger();

	private Own own;

	FuzzTargets(TestOrganisation organisation, Invitations invitations, InvitationRecords records, JdbcClient jdbc) {
		this.organisation = organisation;
		this.invitations = invitations;
		this.records = records;
		this.jdbc = jdbc;
	}

	/** An invitation of the clinic, and everything a request about it names. */
	record Target(AreaKind kind, long areaId, long invitation, long account, long email, String token) {
	}

	record Own(Clinic clinic, String clinicAdmin, List<Target> targets, long missing) {
	}

	/** A request's path and query (or form body), on the wire. */
	record Request(String path, Optional<String> query) {
	}

	Own plant(long missing) {
		Clinic clinic = this.organisation.clinic();
		String clinicAdmin = clinic.email("clinic.admin");
		long admin = this.organisation.person("Fuzz Clinic Admin " + clinic.tag(), clinicAdmin);
		this.organisation.grant(admin, Role.SERVICE_ADMINISTRATOR, clinic.waitingArea());
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < INVITATIONS; i++) {
			AreaKind kind = AreaKind.values()[i % AreaKind.values().length];
			long area = switch (kind) {
				case ORGANISATIONAL_UNIT -> clinic.unit();
				case WAITING_AREA -> clinic.waitingArea();
				case MEETING_ROOM -> clinic.meetingRoom();
			};
			String email = clinic.email("fuzz." + i);
			long invitation = this.invitations.pendingFor(email, clinic.adminEmail(), area,
					Role.of(kind).get(1 + i % (Role.of(kind).size() - 1)));
			long account = this.jdbc.sql("select account_id from invitation where id = ?")
				.param(invitation)
				.query(Long.class)
				.single();
			targets.add(new Target(kind, area, invitation, account, this.records.newestEmail(invitation),
					this.records.queuedLinkToken(invitation)));
		}
		this.own = new Own(clinic, clinicAdmin, List.copyOf(targets), missing);
		return this.own;
	}

	/**
	 * The route's request about {@code target} with {@code fuzzed} set to
	 * {@code malformed}; GETs may name a demo record instead (they change nothing).
	 */
	Request request(Route route, Param fuzzed, String malformed, Target target, boolean demo) {
		String path = route.pattern();
		List<String> query = new ArrayList<>();
		for (Param param : route.params()) {
			String value = param.equals(fuzzed) ? malformed : valid(route, param, target, demo && !route.isPost());
			value = resolve(value, target);
			if (param.inPath()) {
				Matcher variable = FuzzRoutes.VARIABLE.matcher(path);
				variable.find();
				path = path.substring(0, variable.start()) + (FuzzValues.OMIT.equals(value) ? "" : value)
						+ path.substring(variable.end());
			}
			else if (!FuzzValues.OMIT.equals(value)) {
				query.add(param.name() + "=" + value);
			}
		}
		return new Request(path, query.isEmpty() ? Optional.empty() : Optional.of(String.join("&", query)));
	}

	private static String valid(Route route, Param param, Target target, boolean demo) {
		if (param.inPath()) {
			return switch (param.name()) {
				case "kind" -> target.kind().path();
				case "areaId" -> String.valueOf(target.areaId());
				case "token" -> target.token();
				default -> String.valueOf(demo ? 1 + Math.floorMod(target.invitation(), 40) : ownId(route, target));
			};
		}
		return switch (param.name()) {
			case "version" -> "@version";
			case "role", "only", "mark" -> "@role";
			case "status" -> "invited";
			case "page" -> "1";
			case "all" -> "true";
			case "recipients" -> "@email";
			case "roles" -> Role.of(target.kind()).get(1).name();
			case "customMessage" -> "Hello";
			case "fullName" -> "Fuzz+Person";
			case "password", "confirmPassword" -> SET_UP_PASSWORD;
			case "email" -> "nobody%40test.invalid";
			case "q", "name", "extra", "who", "person", "area", "areaName", "before", "after" -> FuzzValues.OMIT;
			case "what" -> "REMINDER_SENT";
			case "from", "to" -> "2026-01-01";
			case "back" -> "%2Fusers";
			default -> (param.kind() == FuzzRoutes.Kind.NUMBER) ? FuzzValues.MISSING : "x";
		};
	}

	/** The id a route's {@code {id}} names for the target: of its kind of record. */
	private static long ownId(Route route, Target target) {
		String pattern = route.pattern();
		if (pattern.contains("/invitations/")) {
			return target.invitation();
		}
		if (pattern.startsWith("/users/")) {
			return target.account();
		}
		if (pattern.startsWith("/sent-emails/")) {
			return target.email();
		}
		return target.areaId();
	}

	private String resolve(String value, Target target) {
		return switch (value) {
			case "@version" -> String.valueOf(this.records.version(target.invitation()));
			case "@role" -> this.records.roleIds(target.invitation())
				.stream()
				.findFirst()
				.map(String::valueOf)
				.orElse(String.valueOf(this.own.missing()));
			case "@email" -> this.own.clinic().email("added." + this.added.incrementAndGet()).replace("@", "%40");
			default -> value.replace(FuzzValues.MISSING, String.valueOf(this.own.missing()));
		};
	}

	long remindersSent(Own own) {
		return count("select count(*) from activity_entry where kind = 'REMINDER_SENT' and invitation_id in ", own);
	}

	long cancelled(Own own) {
		return count("select count(*) from invitation where status = 'CANCELLED' and id in ", own);
	}

	/**
	 * What changes whenever the demo organisation's invitations, roles or emails change:
	 * the sum of its invitations' versions, its role grants and invited roles, its
	 * emails.
	 */
	List<Long> demoState() {
		return this.jdbc.sql("""
				select (select coalesce(sum(i.version), 0) from invitation i join account a on a.id = i.account_id
				        where a.email like '%@example.org'),
				       (select count(*) from role_grant g join account a on a.id = g.account_id
				        where a.email like '%@example.org'),
				       (select count(*) from invited_role r join invitation i on i.id = r.invitation_id
				        join account a on a.id = i.account_id where a.email like '%@example.org'),
				       (select count(*) from outbound_email where recipient like '%@example.org')
				""").query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	private long count(String sql, Own own) {
		String ids = own.targets()
			.stream()
			.map((target) -> String.valueOf(target.invitation()))
			.reduce((a, b) -> a + "," + b)
			.orElseThrow();
		return this.jdbc.sql(sql + "(" + ids + ")").query(Long.class).single();
	}

}
