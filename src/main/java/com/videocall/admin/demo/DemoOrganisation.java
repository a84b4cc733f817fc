package com.videocall.admin.demo;

import static com.videocall.admin.directory.AreaKind.MEETING_ROOM;
import static com.videocall.admin.directory.AreaKind.ORGANISATIONAL_UNIT;
import static com.videocall.admin.directory.AreaKind.WAITING_AREA;
import static com.videocall.admin.directory.Role.MEETING_ROOM_ADMINISTRATOR;
import static com.videocall.admin.directory.Role.MEETING_ROOM_MEMBER;
import static com.videocall.admin.directory.Role.ORGANISATION_ADMINISTRATOR;
import static com.videocall.admin.directory.Role.ORGANISATION_COORDINATOR;
import static com.videocall.admin.directory.Role.ORGANISATION_REPORTER;
import static com.videocall.admin.directory.Role.RECEPTIONIST;
import static com.videocall.admin.directory.Role.SERVICE_ADMINISTRATOR;
import static com.videocall.admin.directory.Role.SERVICE_PROVIDER;

import java.time.Duration;

import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;

/**
 * The demo organisation. Riverside Health has Northern Clinics (administered by
 * org.admin@example.org, with Hornsby Community Health below it) and Southern Clinics;
 * Harbour Allied Health stands apart. Every unit, waiting area and meeting room has a
 * pending invitation; their ages run from just now to an expired link, and each came with
 * its email. README lists who sees what.
 */
class DemoOrganisation {

	private final DemoSeed seed;

	DemoOrganisation(DemoSeed seed) {
		this.seed = seed;
	}

	void plant() {
		long riverside = this.seed.area(ORGANISATIONAL_UNIT, "Riverside Health", null);
		long northern = this.seed.area(ORGANISATIONAL_UNIT, "Northern Clinics", riverside);
		long hornsby = this.seed.area(ORGANISATIONAL_UNIT, "Hornsby Community Health", northern);
		long southern = this.seed.area(ORGANISATIONAL_UNIT, "Southern Clinics", riverside);
		long harbour = this.seed.area(ORGANISATIONAL_UNIT, "Harbour Allied Health", null);

		long physio = this.seed.area(WAITING_AREA, "Northern Physiotherapy", northern);
		long generalPractice = this.seed.area(WAITING_AREA, "Northern General Practice", northern);
		long diabetes = this.seed.area(WAITING_AREA, "Hornsby Diabetes Education", hornsby);
		long mentalHealth = this.seed.area(WAITING_AREA, "Southern Mental Health", southern);
		long speech = this.seed.area(WAITING_AREA, "Harbour Speech Pathology", harbour);

		long staffMeeting = this.seed.area(MEETING_ROOM, "Northern Staff Meeting", northern);
		long caseConference = this.seed.area(MEETING_ROOM, "Hornsby Case Conference", hornsby);
		long huddle = this.seed.area(MEETING_ROOM, "Southern Team Huddle", southern);
		long clinicalReview = this.seed.area(MEETING_ROOM, "Harbour Clinical Review", harbour);

		this.seed.person("Sam Carter", "admin@example.org", true);
		UserAccount olivia = active("Olivia Nguyen", "org.admin@example.org", in(ORGANISATION_ADMINISTRATOR, northern));
		UserAccount chloe = active("Chloe Bennett", "clinic.admin@example.org", in(SERVICE_ADMINISTRATOR, physio));
		UserAccount raj = active("Raj Patel", "room.admin@example.org", in(MEETING_ROOM_ADMINISTRATOR, huddle));

		UserAccount margaret = active("Margaret Lee", "margaret.lee@example.org",
				in(ORGANISATION_ADMINISTRATOR, riverside));
		active("Dr Amelia Hart", "amelia.hart@example.org", in(SERVICE_PROVIDER, physio),
				in(SERVICE_PROVIDER, generalPractice), in(MEETING_ROOM_MEMBER, staffMeeting));
		active("Dr Thomas Wright", "thomas.wright@example.org", in(SERVICE_PROVIDER, diabetes),
				in(MEETING_ROOM_MEMBER, caseConference));
		active("Grace Kim", "grace.kim@example.org", in(RECEPTIONIST, physio), in(RECEPTIONIST, generalPractice));
		active("Dr Liam O'Brien", "liam.obrien@example.org", in(SERVICE_PROVIDER, mentalHealth),
				in(MEETING_ROOM_MEMBER, huddle));
		UserAccount priya = active("Priya Sharma", "priya.sharma@example.org", in(SERVICE_ADMINISTRATOR, mentalHealth));
		UserAccount noah = active("Noah Williams", "noah.williams@example.org", in(ORGANISATION_COORDINATOR, southern),
				in(ORGANISATION_ADMINISTRATOR, harbour));
		active("Emma Davies", "emma.davies@example.org", in(SERVICE_PROVIDER, speech),
				in(MEETING_ROOM_ADMINISTRATOR, clinicalReview));
		UserAccount jack = active("Jack Thompson", "jack.thompson@example.org", in(ORGANISATION_REPORTER, hornsby),
				in(MEETING_ROOM_ADMINISTRATOR, caseConference));
		this.seed.disable(active("Henry Clarke", "henry.clarke@example.org", in(SERVICE_PROVIDER, generalPractice)));

		// Add Users by the administrators, from just now back to links that have expired.
		this.seed.invite("new.physio@example.org", chloe, Duration.ofSeconds(20), in(SERVICE_PROVIDER, physio));
		this.seed.invite("jordan.receptionist@example.org", priya, Duration.ofHours(30),
				in(SERVICE_PROVIDER, mentalHealth));
		this.seed.invite("jordan.receptionist@example.org", chloe, Duration.ofHours(29), in(RECEPTIONIST, physio));
		this.seed.invite("sophie.gp@example.org", olivia, Duration.ofDays(3), in(SERVICE_PROVIDER, generalPractice),
				in(MEETING_ROOM_MEMBER, staffMeeting));
		this.seed.invite("william.north@example.org", olivia, Duration.ofDays(4),
				in(ORGANISATION_COORDINATOR, northern));
		this.seed.invite("ethan.hornsby@example.org", olivia, Duration.ofDays(2),
				in(ORGANISATION_ADMINISTRATOR, hornsby), in(ORGANISATION_COORDINATOR, hornsby));
		this.seed.invite("mia.educator@example.org", olivia, Duration.ofDays(8), in(SERVICE_PROVIDER, diabetes));
		this.seed.invite("ruby.conference@example.org", jack, Duration.ofDays(20),
				in(MEETING_ROOM_MEMBER, caseConference));
		this.seed.invite("lucas.reporter@example.org", margaret, Duration.ofDays(25),
				in(ORGANISATION_REPORTER, riverside));
		this.seed.invite("ava.south@example.org", margaret, Duration.ofMinutes(5), in(ORGANISATION_REPORTER, southern));
		this.seed.invite("isla.counsellor@example.org", priya, Duration.ofHours(5), in(SERVICE_PROVIDER, mentalHealth));
		this.seed.invite("isla.counsellor@example.org", raj, Duration.ofHours(4), in(MEETING_ROOM_MEMBER, huddle));
		this.seed.invite("zoe.speech@example.org", noah, Duration.ofDays(1), in(SERVICE_PROVIDER, speech));
		this.seed.invite("oscar.harbour@example.org", noah, Duration.ofDays(10), in(ORGANISATION_COORDINATOR, harbour),
				in(MEETING_ROOM_MEMBER, clinicalReview));
	}

	/** An active account holding the roles. */
	private UserAccount active(String name, String email, RoleOffer... roles) {
		UserAccount person = this.seed.person(name, email, false);
		for (RoleOffer role : roles) {
			this.seed.grant(person, role.role(), role.areaId());
		}
		return person;
	}

	private static RoleOffer in(Role role, long areaId) {
		return new RoleOffer(role, areaId);
	}

}
