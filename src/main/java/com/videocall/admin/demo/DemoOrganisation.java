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
		UserAccount olivia = active("Olivia Nguyen", "org.admin@example.org");
		this.seed.grant(olivia, ORGANISATION_ADMINISTRATOR, northern);
		UserAccount chloe = active("Chloe Bennett", "clinic.admin@example.org");
		this.seed.grant(chloe, SERVICE_ADMINISTRATOR, physio);
		UserAccount raj = active("Raj Patel", "room.admin@example.org");
		this.seed.grant(raj, MEETING_ROOM_ADMINISTRATOR, huddle);

		UserAccount margaret = active("Margaret Lee", "margaret.lee@example.org");
		this.seed.grant(margaret, ORGANISATION_ADMINISTRATOR, riverside);
		UserAccount amelia = active("Dr Amelia Hart", "amelia.hart@example.org");
		this.seed.grant(amelia, SERVICE_PROVIDER, physio);
		this.seed.grant(amelia, SERVICE_PROVIDER, generalPractice);
		this.seed.grant(amelia, MEETING_ROOM_MEMBER, staffMeeting);
		UserAccount thomas = active("Dr Thomas Wright", "thomas.wright@example.org");
		this.seed.grant(thomas, SERVICE_PROVIDER, diabetes);
		this.seed.grant(thomas, MEETING_ROOM_MEMBER, caseConference);
		UserAccount grace = active("Grace Kim", "grace.kim@example.org");
		this.seed.grant(grace, RECEPTIONIST, physio);
		this.seed.grant(grace, RECEPTIONIST, generalPractice);
		UserAccount liam = active("Dr Liam O'Brien", "liam.obrien@example.org");
		this.seed.grant(liam, SERVICE_PROVIDER, mentalHealth);
		this.seed.grant(liam, MEETING_ROOM_MEMBER, huddle);
		UserAccount priya = active("Priya Sharma", "priya.sharma@example.org");
		this.seed.grant(priya, SERVICE_ADMINISTRATOR, mentalHealth);
		UserAccount noah = active("Noah Williams", "noah.williams@example.org");
		this.seed.grant(noah, ORGANISATION_COORDINATOR, southern);
		this.seed.grant(noah, ORGANISATION_ADMINISTRATOR, harbour);
		UserAccount emma = active("Emma Davies", "emma.davies@example.org");
		this.seed.grant(emma, SERVICE_PROVIDER, speech);
		this.seed.grant(emma, MEETING_ROOM_ADMINISTRATOR, clinicalReview);
		UserAccount jack = active("Jack Thompson", "jack.thompson@example.org");
		this.seed.grant(jack, ORGANISATION_REPORTER, hornsby);
		this.seed.grant(jack, MEETING_ROOM_ADMINISTRATOR, caseConference);
		UserAccount henry = active("Henry Clarke", "henry.clarke@example.org");
		this.seed.grant(henry, SERVICE_PROVIDER, generalPractice);
		this.seed.disable(henry);

		this.seed.invite("new.physio@example.org", chloe, Duration.ofSeconds(20),
				new RoleOffer(SERVICE_PROVIDER, physio));
		this.seed.invite("jordan.receptionist@example.org", priya, Duration.ofHours(30),
				new RoleOffer(SERVICE_PROVIDER, mentalHealth));
		this.seed.invite("jordan.receptionist@example.org", chloe, Duration.ofHours(29),
				new RoleOffer(RECEPTIONIST, physio));
		this.seed.invite("sophie.gp@example.org", olivia, Duration.ofDays(3),
				new RoleOffer(SERVICE_PROVIDER, generalPractice), new RoleOffer(MEETING_ROOM_MEMBER, staffMeeting));
		this.seed.invite("william.north@example.org", olivia, Duration.ofDays(4),
				new RoleOffer(ORGANISATION_COORDINATOR, northern));
		this.seed.invite("ethan.hornsby@example.org", olivia, Duration.ofDays(2),
				new RoleOffer(ORGANISATION_ADMINISTRATOR, hornsby), new RoleOffer(ORGANISATION_COORDINATOR, hornsby));
		this.seed.invite("mia.educator@example.org", olivia, Duration.ofDays(8),
				new RoleOffer(SERVICE_PROVIDER, diabetes));
		this.seed.invite("ruby.conference@example.org", jack, Duration.ofDays(20),
				new RoleOffer(MEETING_ROOM_MEMBER, caseConference));
		this.seed.invite("lucas.reporter@example.org", margaret, Duration.ofDays(25),
				new RoleOffer(ORGANISATION_REPORTER, riverside));
		this.seed.invite("ava.south@example.org", margaret, Duration.ofMinutes(5),
				new RoleOffer(ORGANISATION_REPORTER, southern));
		this.seed.invite("isla.counsellor@example.org", priya, Duration.ofHours(5),
				new RoleOffer(SERVICE_PROVIDER, mentalHealth));
		this.seed.invite("isla.counsellor@example.org", raj, Duration.ofHours(4),
				new RoleOffer(MEETING_ROOM_MEMBER, huddle));
		this.seed.invite("zoe.speech@example.org", noah, Duration.ofDays(1), new RoleOffer(SERVICE_PROVIDER, speech));
		this.seed.invite("oscar.harbour@example.org", noah, Duration.ofDays(10),
				new RoleOffer(ORGANISATION_COORDINATOR, harbour), new RoleOffer(MEETING_ROOM_MEMBER, clinicalReview));
	}

	private UserAccount active(String name, String email) {
		return this.seed.person(name, email, false);
	}

}
