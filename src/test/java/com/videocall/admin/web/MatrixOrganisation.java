package com.videocall.admin.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access matrix's own organisation beside the demo one (so that acting on it changes
 * nothing other tests look at): an administrator of each kind, an account without
 * administrator rights, and for each actor the areas and people inside and outside their
 * scope. Unit A holds waiting areas A1, A2 and meeting rooms A1, A2; unit B, a separate
 * organisation, holds one of each.
 */
final class MatrixOrganisation {

	/** Who sends a request. */
	enum Actor {

		ANONYMOUS, SYSTEM_ADMINISTRATOR, ORGANISATION_ADMINISTRATOR, SERVICE_ADMINISTRATOR, MEETING_ROOM_ADMINISTRATOR,
		NON_ADMINISTRATOR

	}

	/** Which records a request names, seen from its actor. */
	enum Ids {

		NONE, IN_SCOPE, OUT_OF_SCOPE, MISSING

	}

	/** A pending invitation as a form names it: its id, version and one invited role. */
	record Invite(long id, long version, long roleId) {
	}

	private static final String DEMO_PASSWORD = "demo-password";

	private static final String TAG = TestOrganisation.tag();

	private static final AtomicInteger sequence = new AtomicInteger();

	private final Invitations invitations;

	private final InvitationRecords records;

	private final JdbcClient jdbc;

	private final Map<Actor, String> emails = new EnumMap<>(Actor.class);

	private final Map<Actor, Map<AreaKind, Long>> areasInScope = new EnumMap<>(Actor.class);

	private final Map<Actor, Map<AreaKind, Long>> areasOutOfScope = new EnumMap<>(Actor.class);

	private final Map<Actor, Long> accountsInScope = new EnumMap<>(Actor.class);

	private final Map<Actor, Long> accountsOutOfScope = new EnumMap<>(Actor.class);

	/** The invitation read-only requests name, one per area. */
	private final Map<Long, Invite> standing = new HashMap<>();

	private final long missingId;

	private final String missingToken;

	MatrixOrganisation(TestOrganisation organisation, Invitations invitations, InvitationRecords records,
			JdbcClient jdbc) {
		this.invitations = invitations;
		this.records = records;
		this.jdbc = jdbc;
		long unitA = organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Matrix Unit A " + TAG, null);
		long waitingA1 = organisation.area(AreaKind.WAITING_AREA, "Matrix Waiting Area A1 " + TAG, unitA);
		long waitingA2 = organisation.area(AreaKind.WAITING_AREA, "Matrix Waiting Area A2 " + TAG, unitA);
		long roomA1 = organisation.area(AreaKind.MEETING_ROOM, "Matrix Meeting Room A1 " + TAG, unitA);
		long roomA2 = organisation.area(AreaKind.MEETING_ROOM, "Matrix Meeting Room A2 " + TAG, unitA);
		long unitB = organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Matrix Unit B " + TAG, null);
		long waitingB = organisation.area(AreaKind.WAITING_AREA, "Matrix Waiting Area B " + TAG, unitB);
		long roomB = organisation.area(AreaKind.MEETING_ROOM, "Matrix Meeting Room B " + TAG, unitB);
		person(organisation, Actor.ORGANISATION_ADMINISTRATOR, Role.ORGANISATION_ADMINISTRATOR, unitA);
		person(organisation, Actor.SERVICE_ADMINISTRATOR, Role.SERVICE_ADMINISTRATOR, waitingA1);
		person(organisation, Actor.MEETING_ROOM_ADMINISTRATOR, Role.MEETING_ROOM_ADMINISTRATOR, roomA1);
		// Service Provider only: an account, but no administrator.
		long provider = person(organisation, Actor.NON_ADMINISTRATOR, Role.SERVICE_PROVIDER, waitingA1);
		long member = person(organisation, null, Role.MEETING_ROOM_MEMBER, roomA1);
		long outsider = person(organisation, null, Role.SERVICE_PROVIDER, waitingB);
		this.emails.put(Actor.SYSTEM_ADMINISTRATOR, SignIn.ADMIN);

		Map<AreaKind, Long> unitAScope = kinds(unitA, waitingA1, roomA1);
		Map<AreaKind, Long> unitBScope = kinds(unitB, waitingB, roomB);
		scope(Actor.SYSTEM_ADMINISTRATOR, unitAScope, Map.of(), provider, null);
		scope(Actor.ORGANISATION_ADMINISTRATOR, unitAScope, unitBScope, provider, outsider);
		// Not the unit above, not the sibling waiting area, not the meeting room beside.
		scope(Actor.SERVICE_ADMINISTRATOR, Map.of(AreaKind.WAITING_AREA, waitingA1), kinds(unitA, waitingA2, roomA1),
				provider, member);
		scope(Actor.MEETING_ROOM_ADMINISTRATOR, Map.of(AreaKind.MEETING_ROOM, roomA1), kinds(unitA, waitingA1, roomA2),
				member, provider);
		// Refused before any record is looked at: the organisation administrator's ids.
		scope(Actor.ANONYMOUS, unitAScope, unitBScope, provider, outsider);
		scope(Actor.NON_ADMINISTRATOR, unitAScope, unitBScope, provider, outsider);

		this.missingId = jdbc.sql("""
				select greatest((select max(id) from area), (select max(id) from account),
				                (select max(id) from invitation), (select max(id) from invited_role),
				                (select max(id) from outbound_email)) + 1000000
				""").query(Long.class).single();
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.missingToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** The actor's email, to sign in with; none for an anonymous visitor. */
	String email(Actor actor) {
		return this.emails.get(actor);
	}

	String password(Actor actor) {
		return (actor == Actor.SYSTEM_ADMINISTRATOR) ? DEMO_PASSWORD : TestOrganisation.PASSWORD;
	}

	/** The actor's area of the kind, inside or outside their scope, if they have one. */
	OptionalLong area(Actor actor, Ids ids, AreaKind kind) {
		return switch (ids) {
			case IN_SCOPE -> optional(this.areasInScope.get(actor).get(kind));
			case OUT_OF_SCOPE -> optional(this.areasOutOfScope.get(actor).get(kind));
			case MISSING -> OptionalLong.of(this.missingId);
			case NONE -> OptionalLong.empty();
		};
	}

	/** A person inside or outside the actor's scope, if there is one. */
	OptionalLong account(Actor actor, Ids ids) {
		return switch (ids) {
			case IN_SCOPE -> optional(this.accountsInScope.get(actor));
			case OUT_OF_SCOPE -> optional(this.accountsOutOfScope.get(actor));
			case MISSING -> OptionalLong.of(this.missingId);
			case NONE -> OptionalLong.empty();
		};
	}

	/**
	 * A pending invitation to a role in the area: a new one for a request that acts on
	 * it, otherwise the area's standing one.
	 */
	Invite invitation(long areaId, AreaKind kind, boolean fresh) {
		if (fresh) {
			return invite(areaId, kind);
		}
		return this.standing.computeIfAbsent(areaId, (id) -> invite(id, kind));
	}

	/**
	 * The token of a working link: of a new invitation for a request that uses it up,
	 * otherwise of the standing one in waiting area A1.
	 */
	String token(boolean fresh) {
		long waitingA1 = this.areasInScope.get(Actor.SERVICE_ADMINISTRATOR).get(AreaKind.WAITING_AREA);
		return this.records.queuedLinkToken(invitation(waitingA1, AreaKind.WAITING_AREA, fresh).id());
	}

	/** An email of the outbox. */
	long email() {
		long waitingA1 = this.areasInScope.get(Actor.SERVICE_ADMINISTRATOR).get(AreaKind.WAITING_AREA);
		return this.records.newestEmail(invitation(waitingA1, AreaKind.WAITING_AREA, false).id());
	}

	/**
	 * A new invitation in the area whose roles the System Administrator removed: the id
	 * of its Undo.
	 */
	long removedInvitation(long areaId, AreaKind kind) {
		return this.invitations.removeAllRoles(invite(areaId, kind).id(), SignIn.ADMIN);
	}

	/**
	 * The parameters naming one role the account holds ("area", its id, "role", its
	 * name), for "Change end date" (LC1); a missing account's name an area nobody has.
	 */
	Object[] grantOf(long account) {
		return this.jdbc.sql("select area_id, role from role_grant where account_id = ? order by id limit 1")
			.param(account)
			.query((rs, row) -> new Object[] { "area", rs.getLong(1), "role", rs.getString(2) })
			.optional()
			.orElse(new Object[] { "area", this.missingId, "role", Role.SERVICE_PROVIDER.name() });
	}

	/** An id no record of any kind has. */
	long missingId() {
		return this.missingId;
	}

	/** A well-formed link token that was never issued. */
	String missingToken() {
		return this.missingToken;
	}

	/** An address nobody has been invited from yet. */
	static String newEmail() {
		return "matrix.invitee." + sequence.incrementAndGet() + "." + TAG + TestOrganisation.EMAIL_DOMAIN;
	}

	private Invite invite(long areaId, AreaKind kind) {
		long id = this.invitations.pendingFor(newEmail(), SignIn.ADMIN, areaId, roleOffered(kind));
		return new Invite(id, this.records.version(id), this.records.roleIds(id).get(0));
	}

	/** The role an invitation in an area of the kind offers. */
	static Role roleOffered(AreaKind kind) {
		return switch (kind) {
			case ORGANISATIONAL_UNIT -> Role.ORGANISATION_REPORTER;
			case WAITING_AREA -> Role.SERVICE_PROVIDER;
			case MEETING_ROOM -> Role.MEETING_ROOM_MEMBER;
		};
	}

	private void scope(Actor actor, Map<AreaKind, Long> inScope, Map<AreaKind, Long> outOfScope, long in, Long out) {
		this.areasInScope.put(actor, inScope);
		this.areasOutOfScope.put(actor, outOfScope);
		this.accountsInScope.put(actor, in);
		if (out != null) {
			this.accountsOutOfScope.put(actor, out);
		}
	}

	/** An account with the role in the area; the actor's, to sign in with, if given. */
	private long person(TestOrganisation organisation, Actor actor, Role role, long area) {
		String name = role.name().toLowerCase().replace('_', ' ');
		String email = TestOrganisation.email("matrix." + name.replace(' ', '.'));
		long person = organisation.person("Matrix " + name, email);
		organisation.grant(person, role, area);
		if (actor != null) {
			this.emails.put(actor, email);
		}
		return person;
	}

	private static Map<AreaKind, Long> kinds(long unit, long waitingArea, long meetingRoom) {
		return Map.of(AreaKind.ORGANISATIONAL_UNIT, unit, AreaKind.WAITING_AREA, waitingArea, AreaKind.MEETING_ROOM,
				meetingRoom);
	}

	private static OptionalLong optional(Long id) {
		return (id != null) ? OptionalLong.of(id) : OptionalLong.empty();
	}

}
