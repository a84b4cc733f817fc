package com.videocall.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Add Users resolves a name among the people of the administrator's Users list (A1):
 * {@link Users#emailsNamed} reads the same accounts as the list, in either scope shape.
 */
@IntegrationTest
class UsersNamedIntegrationTests {

	@Autowired
	Users users;

	@Autowired
	Invitations invitations;

	@Autowired
	TestOrganisation organisation;

	@Test
	void findsForASystemAdministratorOnlyPeopleWithARole() {
		Clinic clinic = this.organisation.clinic();
		String name = "Nadia Named " + clinic.tag();
		String email = clinic.email("named");
		long person = this.organisation.person(name, email);
		assertThat(this.users.emailsNamed(this.invitations.scope(SignIn.ADMIN), name.toUpperCase(), 2))
			.as("no role yet")
			.isEmpty();

		this.organisation.grant(person, Role.RECEPTIONIST, clinic.waitingArea());

		assertThat(this.users.emailsNamed(this.invitations.scope(SignIn.ADMIN), name.toUpperCase(), 2))
			.containsExactly(email);
	}

	@Test
	void findsForAnAreaAdministratorOnlyPeopleInTheirAreasAndAtMostTheNumberAsked() {
		Clinic clinic = this.organisation.clinic();
		Clinic other = this.organisation.clinic();
		String name = "Sam Same " + clinic.tag();
		long inside = this.organisation.person(name, clinic.email("inside"));
		long alsoInside = this.organisation.person(name, clinic.email("also"));
		long outside = this.organisation.person(name, other.email("outside"));
		this.organisation.grant(inside, Role.SERVICE_PROVIDER, clinic.waitingArea());
		this.organisation.grant(alsoInside, Role.MEETING_ROOM_MEMBER, clinic.meetingRoom());
		this.organisation.grant(outside, Role.SERVICE_PROVIDER, other.waitingArea());

		assertThat(this.users.emailsNamed(this.invitations.scope(clinic.adminEmail()), name, 5))
			.containsExactlyInAnyOrder(clinic.email("inside"), clinic.email("also"));
		assertThat(this.users.emailsNamed(this.invitations.scope(clinic.adminEmail()), name, 1)).hasSize(1);
	}

}
