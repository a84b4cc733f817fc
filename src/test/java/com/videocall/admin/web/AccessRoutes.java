package com.videocall.admin.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.web.MatrixOrganisation.Actor;
import com.videocall.admin.web.MatrixOrganisation.Ids;

import org.springframework.http.HttpMethod;

/**
 * Who may use each route the controllers map, keyed by "METHOD pattern", and the request
 * that tries it: the table the access matrix holds the application to. A route a
 * controller maps without a row here fails the matrix.
 */
final class AccessRoutes {

	/** Who gets past the door; within it, records outside scope are "not found". */
	enum Access {

		EVERYONE, SIGNED_IN, ADMINISTRATORS, SYSTEM_ADMINISTRATORS,

		/**
		 * Past the administrators' door, but only System and Organisation Administrators
		 * act; for the others the person is "not found" (SI4).
		 */
		ORGANISATION_ADMINISTRATORS;

		boolean admits(Actor actor) {
			return switch (this) {
				case EVERYONE -> true;
				case SIGNED_IN -> actor != Actor.ANONYMOUS;
				case ADMINISTRATORS, ORGANISATION_ADMINISTRATORS ->
					actor != Actor.ANONYMOUS && actor != Actor.NON_ADMINISTRATOR;
				case SYSTEM_ADMINISTRATORS -> actor == Actor.SYSTEM_ADMINISTRATOR;
			};
		}

	}

	private static final List<AreaKind> NO_KIND = Collections.singletonList(null);

	private static final List<AreaKind> EVERY_KIND = List.of(AreaKind.values());

	private static final List<Ids> NO_ID = List.of(Ids.NONE);

	private static final List<Ids> SCOPED = List.of(Ids.IN_SCOPE, Ids.OUT_OF_SCOPE, Ids.MISSING);

	/** Link tokens and emails: they exist or not, no administrator's scope applies. */
	private static final List<Ids> UNSCOPED = List.of(Ids.IN_SCOPE, Ids.MISSING);

	/**
	 * A row of the Pending Invitations list ({@code id:version}) that no invitation is.
	 */
	private static final String NO_INVITATION = "999999999999:0";

	/** An upload of Import Users that does not exist, and the only case of its routes. */
	private static final String NO_IMPORT = "/users/import/999999999999";

	private static final List<Ids> NO_UPLOAD = List.of(Ids.MISSING);

	/** A "Forgot your password?" link's token that no email carried. */
	private static final String NO_PASSWORD_RESET = "A".repeat(43);

	static final Map<String, Route> TABLE = table(
			route("GET /", Access.SIGNED_IN, NO_ID, NO_KIND, (s) -> Call.get("/")),
			route("GET /about", Access.SIGNED_IN, NO_ID, NO_KIND, (s) -> Call.get("/about")),
			route("GET /sign-in", Access.EVERYONE, NO_ID, NO_KIND, (s) -> Call.get("/sign-in")),
			// "Forgot your password?": the same answer for any email; a link that no
			// email carried does not work (the page saying so, also after its form).
			route("GET /password-reset", Access.EVERYONE, NO_ID, NO_KIND, (s) -> Call.get("/password-reset")),
			route("POST /password-reset", Access.EVERYONE, NO_ID, NO_KIND,
					(s) -> Call.post("/password-reset", "email", "nobody@test.invalid")),
			route("GET /password-reset/{token}", Access.EVERYONE, NO_ID, NO_KIND,
					(s) -> Call.get("/password-reset/" + NO_PASSWORD_RESET)),
			routeForEveryoneAnswering("POST /password-reset/{token}", 200,
					(s) -> Call.post("/password-reset/" + NO_PASSWORD_RESET, "newPassword",
							"a new password of some length", "confirmPassword", "a new password of some length")),
			// The second step of signing in, for people without an authenticator app:
			// sent
			// to set one up, and a code typed is wrong (the page again, with the
			// problem).
			routeAnswering("GET /sign-in/second-factor", 302, (s) -> Call.get("/sign-in/second-factor")),
			routeAnswering("GET /sign-in/confirm", 302, (s) -> Call.get("/sign-in/confirm")),
			routeAnswering("POST /sign-in/confirm", 200, (s) -> Call.post("/sign-in/confirm", "code", "12345")),
			routeAnswering("GET /sign-in/recovery-code", 200, (s) -> Call.get("/sign-in/recovery-code")),
			routeAnswering("POST /sign-in/recovery-code", 200,
					(s) -> Call.post("/sign-in/recovery-code", "recoveryCode", "AAAA-AAAA-AAAA-AAAA")),
			routeAnswering("GET /sign-in/set-up", 200, (s) -> Call.get("/sign-in/set-up")),
			// Only after a passkey was registered in the session; otherwise back to the
			// second step.
			routeAnswering("POST /sign-in/set-up/passkey", 302, (s) -> Call.post("/sign-in/set-up/passkey")),
			routeAnswering("GET /sign-in/set-up/authenticator-app", 200,
					(s) -> Call.get("/sign-in/set-up/authenticator-app")),
			routeAnswering("POST /sign-in/set-up/authenticator-app", 200,
					(s) -> Call.post("/sign-in/set-up/authenticator-app", "code", "12345")),
			route("GET /security", Access.SIGNED_IN, NO_ID, NO_KIND, (s) -> Call.get("/security")),
			route("POST /security/recovery-codes", Access.SIGNED_IN, NO_ID, NO_KIND,
					(s) -> Call.post("/security/recovery-codes")),
			route("POST /security/sessions/{handle}/sign-out", Access.SIGNED_IN, NO_ID, NO_KIND,
					(s) -> Call.post("/security/sessions/000000000000000000000000/sign-out")),
			route("POST /security/sessions/sign-out-others", Access.SIGNED_IN, NO_ID, NO_KIND,
					(s) -> Call.post("/security/sessions/sign-out-others")),
			route("POST /security/notices", Access.SIGNED_IN, NO_ID, NO_KIND,
					(s) -> Call.post("/security/notices", "setUpNotices", "true")),
			// The actors have no factor set up (their sign-in is given one): adding a
			// passkey sends them to set one up; the others find no passkey or app of
			// theirs.
			routeAnswering("GET /security/passkeys/new", 302, (s) -> Call.get("/security/passkeys/new")),
			routeAnswering("POST /security/passkeys/added", 302, (s) -> Call.post("/security/passkeys/added")),
			routeAnswering("GET /security/passkeys/{id}/rename", 302,
					(s) -> Call.get("/security/passkeys/AAAA/rename")),
			routeAnswering("POST /security/passkeys/{id}/rename", 302,
					(s) -> Call.post("/security/passkeys/AAAA/rename", "name", "Laptop")),
			routeAnswering("POST /security/passkeys/{id}/remove", 302,
					(s) -> Call.post("/security/passkeys/AAAA/remove")),
			routeAnswering("POST /security/authenticator-app/remove", 302,
					(s) -> Call.post("/security/authenticator-app/remove")),
			route("GET /security/password", Access.SIGNED_IN, NO_ID, NO_KIND, (s) -> Call.get("/security/password")),
			// A wrong current password: the form again, with the problem.
			routeAnswering("POST /security/password", 200,
					(s) -> Call.post("/security/password", "currentPassword", "not it", "newPassword",
							"a new password of some length", "confirmPassword", "a new password of some length")),
			route("GET /users", Access.ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.get("/users")),
			route("GET /users/{id}", Access.ADMINISTRATORS, SCOPED, NO_KIND, (s) -> Call.get("/users/" + s.account())),
			route("GET /users/{id}/second-factor-reset", Access.ORGANISATION_ADMINISTRATORS, SCOPED, NO_KIND,
					(s) -> Call.get("/users/" + s.account() + "/second-factor-reset")),
			route("POST /users/{id}/second-factor-reset", Access.ORGANISATION_ADMINISTRATORS, SCOPED, NO_KIND,
					(s) -> Call.post("/users/" + s.account() + "/second-factor-reset")),
			// "Change end date" (LC1) of a role the person holds, and of an invited role.
			route("GET /users/{id}/end-date", Access.ADMINISTRATORS, SCOPED, NO_KIND,
					(s) -> Call.get("/users/" + s.account() + "/end-date", s.grant())),
			route("POST /users/{id}/end-date", Access.ADMINISTRATORS, SCOPED, NO_KIND,
					(s) -> Call.post("/users/" + s.account() + "/end-date",
							with(s.grant(), "current", "", "action", "clear"))),
			route("GET /users/invitations/{invitationId}/roles/{roleId}/end-date", Access.ADMINISTRATORS, SCOPED,
					EVERY_KIND, (s) -> Call.get(dialog(s) + "/roles/" + s.invitation().roleId() + "/end-date")),
			route("POST /users/invitations/{invitationId}/roles/{roleId}/end-date", Access.ADMINISTRATORS, SCOPED,
					EVERY_KIND,
					(s) -> Call.post(dialog(s) + "/roles/" + s.invitation().roleId() + "/end-date", "current", "",
							"action", "clear")),
			route("GET /users/invitations/{id}", Access.ADMINISTRATORS, SCOPED, EVERY_KIND, (s) -> Call.get(dialog(s))),
			route("POST /users/invitations/{id}/reminder", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(dialog(s) + "/reminder", "version", s.invitation().version())),
			route("GET /users/invitations/{id}/removal", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.get(dialog(s) + "/removal", "all", "true")),
			route("POST /users/invitations/{id}/removal", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(dialog(s) + "/removal", "version", s.invitation().version(), "role",
							s.invitation().roleId())),
			// Change Roles (LC4): the choice, its confirmation (removing the role offered
			// and adding another of the area's kind), and the change itself.
			route("GET /users/invitations/{id}/roles", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.get(dialog(s) + "/roles")),
			route("GET /users/invitations/{id}/roles/confirm", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.get(dialog(s) + "/roles/confirm", "version", s.invitation().version(), "remove",
							s.invitation().roleId(), "add", s.area() + ":" + otherRole(s.kind()))),
			route("POST /users/invitations/{id}/roles", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(dialog(s) + "/roles", "version", s.invitation().version(), "remove",
							s.invitation().roleId(), "add", s.area() + ":" + otherRole(s.kind()))),
			route("POST /users/undo/{undoId}", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post("/users/undo/" + s.undo(), "back", "/users")),
			// The bulk actions name their rows in the form (an id no invitation has: an
			// invitation outside scope is skipped like it, see
			// PendingInvitationsIntegrationTests).
			route("GET /users/import", Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.get("/users/import", "area", s.area())),
			route("GET /users/import/template.csv", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.get("/users/import/template.csv")),
			// Without a file: the page asks for one.
			new Route("POST /users/import", Access.ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.post("/users/import"),
					200),
			// An upload is its administrator's alone (ImportUsersIntegrationTests): here
			// none.
			route("GET /users/import/{id:[0-9]{1,18}}", Access.ADMINISTRATORS, NO_UPLOAD, NO_KIND,
					(s) -> Call.get(NO_IMPORT)),
			route("POST /users/import/{id:[0-9]{1,18}}/start", Access.ADMINISTRATORS, NO_UPLOAD, NO_KIND,
					(s) -> Call.post(NO_IMPORT + "/start")),
			route("POST /users/import/{id:[0-9]{1,18}}/cancel", Access.ADMINISTRATORS, NO_UPLOAD, NO_KIND,
					(s) -> Call.post(NO_IMPORT + "/cancel")),
			route("GET /users/import/{id:[0-9]{1,18}}/results.csv", Access.ADMINISTRATORS, NO_UPLOAD, NO_KIND,
					(s) -> Call.get(NO_IMPORT + "/results.csv")),
			route("GET /pending-invitations", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.get("/pending-invitations")),
			// The confirmation names the rows in scope it was given (an out-of-scope or
			// missing one is left out, as in the list: no 404).
			route("GET /pending-invitations/confirm", Access.ADMINISTRATORS, List.of(Ids.IN_SCOPE), EVERY_KIND,
					(s) -> Call.get("/pending-invitations/confirm", "action", "cancel", "selected",
							s.invitation().id() + ":" + s.invitation().version())),
			route("POST /pending-invitations/reminders", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.post("/pending-invitations/reminders", "selected", NO_INVITATION)),
			route("POST /pending-invitations/cancellation", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.post("/pending-invitations/cancellation", "selected", NO_INVITATION)),
			route("GET /pending-invitations/export", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.get("/pending-invitations/export")),
			// Each administrator reads the entries of their own areas (AC2); the CSV is
			// recorded as an entry of its own.
			route("GET /activity", Access.ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.get("/activity")),
			route("GET /activity/export", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.get("/activity/export", "what", "INVITED")),
			route("GET /organisational-units", Access.ADMINISTRATORS, NO_ID, NO_KIND,
					(s) -> Call.get("/organisational-units")),
			route("GET /waiting-areas", Access.ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.get("/waiting-areas")),
			route("GET /meeting-rooms", Access.ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.get("/meeting-rooms")),
			route("GET /organisational-units/{id}", Access.ADMINISTRATORS, SCOPED, of(AreaKind.ORGANISATIONAL_UNIT),
					(s) -> Call.get(area(s))),
			route("GET /organisational-units/{id}/administrators", Access.ADMINISTRATORS, SCOPED,
					of(AreaKind.ORGANISATIONAL_UNIT), (s) -> Call.get(area(s) + "/administrators")),
			route("GET /organisational-units/{id}/reminders", Access.ADMINISTRATORS, SCOPED,
					of(AreaKind.ORGANISATIONAL_UNIT), (s) -> Call.get(area(s) + "/reminders")),
			route("POST /organisational-units/{id}/reminders", Access.ADMINISTRATORS, SCOPED,
					of(AreaKind.ORGANISATIONAL_UNIT),
					(s) -> Call.post(area(s) + "/reminders", "enabled", "false", "days", "3", "windowStart", "09:00",
							"windowEnd", "17:00", "version", "")),
			route("POST /organisational-units/{id}/reminders/inherit", Access.ADMINISTRATORS, SCOPED,
					of(AreaKind.ORGANISATIONAL_UNIT), (s) -> Call.post(area(s) + "/reminders/inherit", "version", "0")),
			route("GET /waiting-areas/{id}", Access.ADMINISTRATORS, SCOPED, of(AreaKind.WAITING_AREA),
					(s) -> Call.get(area(s))),
			route("GET /waiting-areas/{id}/settings", Access.ADMINISTRATORS, SCOPED, of(AreaKind.WAITING_AREA),
					(s) -> Call.get(area(s) + "/settings")),
			route("GET /waiting-areas/{id}/users", Access.ADMINISTRATORS, SCOPED, of(AreaKind.WAITING_AREA),
					(s) -> Call.get(area(s) + "/users")),
			route("GET /meeting-rooms/{id}/users", Access.ADMINISTRATORS, SCOPED, of(AreaKind.MEETING_ROOM),
					(s) -> Call.get(area(s) + "/users")),
			route("GET /{kind:organisational-units|waiting-areas|meeting-rooms}/{areaId}/add-users",
					Access.ADMINISTRATORS, SCOPED, EVERY_KIND, (s) -> Call.get(area(s) + "/add-users")),
			route("POST /{kind:organisational-units|waiting-areas|meeting-rooms}/{areaId}/add-users",
					Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(area(s) + "/add-users", "recipients", MatrixOrganisation.newEmail(), "roles",
							MatrixOrganisation.roleOffered(s.kind()).name(), "customMessage", "")),
			route("POST /{kind:organisational-units|waiting-areas|meeting-rooms}/{areaId}/invitations/{id}/reminder",
					Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(areaInvitation(s) + "/reminder", "version", s.invitation().version())),
			route("POST /{kind:organisational-units|waiting-areas|meeting-rooms}/{areaId}/invitations/{id}/cancellation",
					Access.ADMINISTRATORS, SCOPED, EVERY_KIND,
					(s) -> Call.post(areaInvitation(s) + "/cancellation", "version", s.invitation().version())),
			route("GET /invitation/{token}", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.get("/invitation/" + s.token())),
			route("POST /invitation/{token}", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.post("/invitation/" + s.token(), "fullName", "Matrix Invitee", "password",
							LinkPages.PASSWORD, "confirmPassword", LinkPages.PASSWORD)),
			route("POST /invitation/{token}/new-link", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.post("/invitation/" + s.token() + "/new-link")),
			// "This invitation isn't for me" (LC6): the page, and declining.
			route("GET /invitation/{token}/decline", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.get("/invitation/" + s.token() + "/decline")),
			route("POST /invitation/{token}/decline", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.post("/invitation/" + s.token() + "/decline")),
			// The shared application has no single sign-on provider, so "Set up with …"
			// is "not found" for any link (SingleSignOnBrowserTests follow it with one).
			new Route("GET /invitation/{token}/single-sign-on/{provider}", Access.EVERYONE, UNSCOPED, NO_KIND,
					(s) -> Call.get("/invitation/" + s.token() + "/single-sign-on/organisation"), 404),
			route("GET /sent-emails", Access.SYSTEM_ADMINISTRATORS, NO_ID, NO_KIND, (s) -> Call.get("/sent-emails")),
			route("GET /sent-emails/{id}", Access.SYSTEM_ADMINISTRATORS, UNSCOPED, NO_KIND,
					(s) -> Call.get("/sent-emails/" + s.email())));

	private AccessRoutes() {
	}

	private static Object[] with(Object[] first, Object... more) {
		Object[] all = Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	private static String dialog(MatrixSubject subject) {
		return "/users/invitations/" + subject.invitation().id();
	}

	/** A role of the kind that the matrix's invitations do not offer. */
	private static String otherRole(AreaKind kind) {
		return Role.of(kind)
			.stream()
			.filter((role) -> role != MatrixOrganisation.roleOffered(kind))
			.findFirst()
			.orElseThrow()
			.name();
	}

	private static String area(MatrixSubject subject) {
		return "/" + subject.kind().path() + "/" + subject.area();
	}

	private static String areaInvitation(MatrixSubject subject) {
		return area(subject) + "/invitations/" + subject.invitation().id();
	}

	private static List<AreaKind> of(AreaKind kind) {
		return List.of(kind);
	}

	private static Route route(String key, Access access, List<Ids> ids, List<AreaKind> kinds,
			Function<MatrixSubject, Call> call) {
		return new Route(key, access, ids, kinds, call, 0);
	}

	/**
	 * A route for everyone signed in, naming no record, that answers them with this
	 * status.
	 */
	private static Route routeAnswering(String key, int status, Function<MatrixSubject, Call> call) {
		return new Route(key, Access.SIGNED_IN, NO_ID, NO_KIND, call, status);
	}

	/** A route open to everyone, naming no record, that answers with this status. */
	private static Route routeForEveryoneAnswering(String key, int status, Function<MatrixSubject, Call> call) {
		return new Route(key, Access.EVERYONE, NO_ID, NO_KIND, call, status);
	}

	private static Map<String, Route> table(Route... routes) {
		Map<String, Route> table = new LinkedHashMap<>();
		Arrays.stream(routes).forEach((route) -> table.put(route.key(), route));
		return Collections.unmodifiableMap(table);
	}

	/**
	 * One route: who may use it, which ids and area kinds its requests name, how to build
	 * one, and the status it answers those it admits when that is not the usual one (0).
	 */
	record Route(String key, Access access, List<Ids> ids, List<AreaKind> kinds, Function<MatrixSubject, Call> call,
			int answer) {

		HttpMethod method() {
			return HttpMethod.valueOf(this.key.substring(0, this.key.indexOf(' ')));
		}

		/**
		 * The status the actor must get: sent to sign in or refused at the door, else
		 * "not found" for records outside scope or missing, else the page (200) or the
		 * action's redirect (302).
		 */
		int expectedStatus(Actor actor, Ids ids) {
			if (!this.access.admits(actor)) {
				return (actor == Actor.ANONYMOUS) ? 302 : 403;
			}
			if (ids == Ids.OUT_OF_SCOPE || ids == Ids.MISSING) {
				return 404;
			}
			if (this.access == Access.ORGANISATION_ADMINISTRATORS && actor != Actor.SYSTEM_ADMINISTRATOR
					&& actor != Actor.ORGANISATION_ADMINISTRATOR) {
				return 404;
			}
			if (this.answer != 0) {
				return this.answer;
			}
			return HttpMethod.GET.equals(method()) ? 200 : 302;
		}

		/** The request of one case; none when the actor has no such record. */
		Optional<Call> call(MatrixSubject subject) {
			try {
				return Optional.of(this.call.apply(subject));
			}
			catch (MatrixSubject.NotApplicable ex) {
				return Optional.empty();
			}
		}

	}

	/**
	 * A request as a form sends it: parameters in the query of a GET, in the body of a
	 * POST.
	 */
	record Call(HttpMethod method, String path, Map<String, String> params) {

		static Call get(String path, Object... namesAndValues) {
			return new Call(HttpMethod.GET, path, params(namesAndValues));
		}

		static Call post(String path, Object... namesAndValues) {
			return new Call(HttpMethod.POST, path, params(namesAndValues));
		}

		private static Map<String, String> params(Object... namesAndValues) {
			Map<String, String> params = new LinkedHashMap<>();
			for (int i = 0; i < namesAndValues.length; i += 2) {
				params.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
			}
			return params;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + (this.params.isEmpty() ? "" : " " + this.params);
		}

	}

}
