package com.videocall.admin.directory.web;

import com.videocall.admin.directory.Role;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every module's pages get the signed-in administrator's scope from one place, resolved
 * once for the request: the area's page, the lookup of the area an action names and the
 * action itself all see the scope the request holds.
 */
@IntegrationTest
class ScopeResolutionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	TestOrganisation organisation;

	@ParameterizedTest
	@ValueSource(strings = { SignIn.ADMIN, SignIn.ORG_ADMIN, SignIn.CLINIC_ADMIN })
	void givesAPageTheSignedInAdministratorsScope(String administrator) throws Exception {
		this.mvc.perform(get("/users").with(this.signIn.as(administrator)))
			.andExpect(status().isOk())
			.andExpect(request().attribute(AdministratorScopeArgumentResolver.ATTRIBUTE,
					this.invitations.scope(administrator)));
	}

	@Test
	void givesAnAreaActionTheScopeItsAreaWasFoundIn() throws Exception {
		Clinic clinic = this.organisation.clinic();
		long invitation = this.invitations.pendingFor(clinic.email("invitee"), clinic.adminEmail(),
				clinic.waitingArea(), Role.SERVICE_PROVIDER);
		this.mvc
			.perform(post(clinic.waitingAreaPath() + "/invitations/{id}/cancellation", invitation)
				.param("version", String.valueOf(this.records.version(invitation)))
				.with(csrf())
				.with(this.signIn.as(clinic.adminEmail())))
			.andExpect(status().is3xxRedirection())
			.andExpect(request().attribute(AdministratorScopeArgumentResolver.ATTRIBUTE,
					this.invitations.scope(clinic.adminEmail())));
		assertThat(this.records.status(invitation)).isEqualTo("CANCELLED");
	}

}
