package com.videocall.admin.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The demo organisation as {@code DemoOrganisation} plants it, written out again by hand:
 * the oracle that visibility tests compare pages with. When the demo data changes, this
 * changes with it, on purpose.
 */
public final class Demo {

	public static final String RIVERSIDE = "Riverside Health";

	public static final String NORTHERN = "Northern Clinics";

	public static final String HORNSBY = "Hornsby Community Health";

	public static final String SOUTHERN = "Southern Clinics";

	public static final String HARBOUR = "Harbour Allied Health";

	public static final String PHYSIO = "Northern Physiotherapy";

	public static final String GENERAL_PRACTICE = "Northern General Practice";

	public static final String DIABETES = "Hornsby Diabetes Education";

	public static final String MENTAL_HEALTH = "Southern Mental Health";

	public static final String SPEECH = "Harbour Speech Pathology";

	public static final String STAFF_MEETING = "Northern Staff Meeting";

	public static final String CASE_CONFERENCE = "Hornsby Case Conference";

	public static final String HUDDLE = "Southern Team Huddle";

	public static final String CLINICAL_REVIEW = "Harbour Clinical Review";

	public static final List<String> UNITS = List.of(RIVERSIDE, NORTHERN, HORNSBY, SOUTHERN, HARBOUR);

	public static final List<String> WAITING_AREAS = List.of(PHYSIO, GENERAL_PRACTICE, DIABETES, MENTAL_HEALTH, SPEECH);

	public static final List<String> MEETING_ROOMS = List.of(STAFF_MEETING, CASE_CONFERENCE, HUDDLE, CLINICAL_REVIEW);

	/** Each area's parent unit, as the lists show it ("None (top level)" for none). */
	public static final Map<String, String> PARENTS = Map.ofEntries(Map.entry(RIVERSIDE, "None (top level)"),
			Map.entry(NORTHERN, RIVERSIDE), Map.entry(HORNSBY, NORTHERN), Map.entry(SOUTHERN, RIVERSIDE),
			Map.entry(HARBOUR, "None (top level)"), Map.entry(PHYSIO, NORTHERN), Map.entry(GENERAL_PRACTICE, NORTHERN),
			Map.entry(DIABETES, HORNSBY), Map.entry(MENTAL_HEALTH, SOUTHERN), Map.entry(SPEECH, HARBOUR),
			Map.entry(STAFF_MEETING, NORTHERN), Map.entry(CASE_CONFERENCE, HORNSBY), Map.entry(HUDDLE, SOUTHERN),
			Map.entry(CLINICAL_REVIEW, HARBOUR));

	/** Everyone in the demo, as the Users list shows them: name, email, status. */
	public static final List<UserRow> PEOPLE = List.of(active("Sam Carter", SignIn.ADMIN),
			active("Olivia Nguyen", SignIn.ORG_ADMIN), active("Chloe Bennett", SignIn.CLINIC_ADMIN),
			active("Raj Patel", SignIn.ROOM_ADMIN), active("Margaret Lee", "margaret.lee@example.org"),
			active("Dr Amelia Hart", "amelia.hart@example.org"),
			active("Dr Thomas Wright", "thomas.wright@example.org"), active("Grace Kim", "grace.kim@example.org"),
			active("Dr Liam O'Brien", "liam.obrien@example.org"), active("Priya Sharma", "priya.sharma@example.org"),
			active("Noah Williams", "noah.williams@example.org"), active("Emma Davies", "emma.davies@example.org"),
			active("Jack Thompson", "jack.thompson@example.org"),
			new UserRow("Henry Clarke", "henry.clarke@example.org", "Disabled", false),
			invited("new.physio@example.org"), invited("jordan.receptionist@example.org"),
			invited("sophie.gp@example.org"), invited("william.north@example.org"),
			invited("ethan.hornsby@example.org"), invited("mia.educator@example.org"),
			invited("ruby.conference@example.org"), invited("lucas.reporter@example.org"),
			invited("ava.south@example.org"), invited("isla.counsellor@example.org"), invited("zoe.speech@example.org"),
			invited("oscar.harbour@example.org"));

	/** Pending invitations sent eight days ago or earlier: shown with a date. */
	public static final Set<String> INVITED_OVER_A_WEEK_AGO = Set.of("mia.educator@example.org",
			"ruby.conference@example.org", "lucas.reporter@example.org", "oscar.harbour@example.org");

	/**
	 * The people of each area, as its Manage Administrators / Manage Users list shows
	 * them.
	 */
	public static final Map<String, List<AreaRow>> AREA_PEOPLE = areaPeople();

	/** What each demo sign-in account administers. */
	public static final Map<String, Scope> SCOPES = Map.of(
			// Sam Carter holds no role, so no list shows him, even to himself.
			SignIn.ADMIN,
			new Scope(UNITS, WAITING_AREAS, MEETING_ROOMS,
					PEOPLE.stream().map(UserRow::email).filter((email) -> !email.equals(SignIn.ADMIN)).toList()),
			SignIn.ORG_ADMIN,
			new Scope(List.of(NORTHERN, HORNSBY), List.of(PHYSIO, GENERAL_PRACTICE, DIABETES),
					List.of(STAFF_MEETING, CASE_CONFERENCE),
					List.of(SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN, "amelia.hart@example.org",
							"thomas.wright@example.org", "grace.kim@example.org", "jack.thompson@example.org",
							"henry.clarke@example.org", "new.physio@example.org", "jordan.receptionist@example.org",
							"sophie.gp@example.org", "william.north@example.org", "ethan.hornsby@example.org",
							"mia.educator@example.org", "ruby.conference@example.org")),
			SignIn.CLINIC_ADMIN,
			new Scope(List.of(), List.of(PHYSIO), List.of(),
					List.of(SignIn.CLINIC_ADMIN, "amelia.hart@example.org", "grace.kim@example.org",
							"new.physio@example.org", "jordan.receptionist@example.org")),
			SignIn.ROOM_ADMIN, new Scope(List.of(), List.of(), List.of(HUDDLE),
					List.of(SignIn.ROOM_ADMIN, "liam.obrien@example.org", "isla.counsellor@example.org")));

	private Demo() {
	}

	public static UserRow person(String email) {
		return PEOPLE.stream().filter((person) -> person.email().equals(email)).findFirst().orElseThrow();
	}

	private static Map<String, List<AreaRow>> areaPeople() {
		Map<String, List<AreaRow>> people = new LinkedHashMap<>();
		people.put(RIVERSIDE, List.of(holds("Margaret Lee", "margaret.lee@example.org", "Organisation Administrator"),
				offered("lucas.reporter@example.org", "Organisation Reporter")));
		people.put(NORTHERN, List.of(holds("Olivia Nguyen", SignIn.ORG_ADMIN, "Organisation Administrator"),
				offered("william.north@example.org", "Organisation Coordinator")));
		people.put(HORNSBY, List.of(holds("Jack Thompson", "jack.thompson@example.org", "Organisation Reporter"),
				offered("ethan.hornsby@example.org", "Organisation Administrator, Organisation Coordinator")));
		people.put(SOUTHERN, List.of(holds("Noah Williams", "noah.williams@example.org", "Organisation Coordinator"),
				offered("ava.south@example.org", "Organisation Reporter")));
		people.put(HARBOUR, List.of(holds("Noah Williams", "noah.williams@example.org", "Organisation Administrator"),
				offered("oscar.harbour@example.org", "Organisation Coordinator")));
		people.put(PHYSIO,
				List.of(holds("Chloe Bennett", SignIn.CLINIC_ADMIN, "Service Administrator"),
						holds("Dr Amelia Hart", "amelia.hart@example.org", "Service Provider"),
						holds("Grace Kim", "grace.kim@example.org", "Receptionist"),
						offered("new.physio@example.org", "Service Provider"),
						offered("jordan.receptionist@example.org", "Receptionist")));
		people.put(GENERAL_PRACTICE,
				List.of(holds("Dr Amelia Hart", "amelia.hart@example.org", "Service Provider"),
						holds("Grace Kim", "grace.kim@example.org", "Receptionist"),
						holds("Henry Clarke", "henry.clarke@example.org", "Service Provider"),
						offered("sophie.gp@example.org", "Service Provider")));
		people.put(DIABETES, List.of(holds("Dr Thomas Wright", "thomas.wright@example.org", "Service Provider"),
				offered("mia.educator@example.org", "Service Provider")));
		people.put(MENTAL_HEALTH,
				List.of(holds("Dr Liam O'Brien", "liam.obrien@example.org", "Service Provider"),
						holds("Priya Sharma", "priya.sharma@example.org", "Service Administrator"),
						offered("jordan.receptionist@example.org", "Service Provider"),
						offered("isla.counsellor@example.org", "Service Provider")));
		people.put(SPEECH, List.of(holds("Emma Davies", "emma.davies@example.org", "Service Provider"),
				offered("zoe.speech@example.org", "Service Provider")));
		people.put(STAFF_MEETING, List.of(holds("Dr Amelia Hart", "amelia.hart@example.org", "Meeting Room Member"),
				offered("sophie.gp@example.org", "Meeting Room Member")));
		people.put(CASE_CONFERENCE,
				List.of(holds("Dr Thomas Wright", "thomas.wright@example.org", "Meeting Room Member"),
						holds("Jack Thompson", "jack.thompson@example.org", "Meeting Room Administrator"),
						offered("ruby.conference@example.org", "Meeting Room Member")));
		people.put(HUDDLE,
				List.of(holds("Raj Patel", SignIn.ROOM_ADMIN, "Meeting Room Administrator"),
						holds("Dr Liam O'Brien", "liam.obrien@example.org", "Meeting Room Member"),
						offered("isla.counsellor@example.org", "Meeting Room Member")));
		people.put(CLINICAL_REVIEW,
				List.of(holds("Emma Davies", "emma.davies@example.org", "Meeting Room Administrator"),
						offered("oscar.harbour@example.org", "Meeting Room Member")));
		return Map.copyOf(people);
	}

	private static UserRow active(String name, String email) {
		return new UserRow(name, email, "Active", false);
	}

	private static UserRow invited(String email) {
		return new UserRow(email, email, "Invited", true);
	}

	private static AreaRow holds(String name, String email, String roles) {
		return new AreaRow(name, email, roles, false);
	}

	private static AreaRow offered(String email, String roles) {
		return new AreaRow(email, email, roles, true);
	}

	/** A row of the Users list: the name shown (the email while none is known). */
	public record UserRow(String name, String email, String status, boolean pending) {
	}

	/**
	 * A row of an area's people: the role labels it shows, and whether it is a pending
	 * invitation ("Invited … as {roles}", in italic).
	 */
	public record AreaRow(String name, String email, String roles, boolean pending) {
	}

	/** The areas and people (by email) a demo administrator may see. */
	public record Scope(List<String> units, List<String> waitingAreas, List<String> meetingRooms, List<String> people) {

		public List<String> areas() {
			return Stream.of(this.units, this.waitingAreas, this.meetingRooms).flatMap(List::stream).toList();
		}

	}

}
