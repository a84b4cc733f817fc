package com.videocall.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Locale;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.web.Authorities;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Accounts that single sign-on finds and sets up (SI5): the active account of a verified
 * email in any case, never an invited or disabled one, never a new one; an account set up
 * without a password cannot sign in with any password, an empty one included.
 */
@IntegrationTest
class AccountsWithoutPasswordIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AccountsSigningIn accountsSigningIn;

	@Test
	void findsTheActiveAccountOfAVerifiedEmailInAnyCaseWithItsRights() {
		String email = TestOrganisation.email("provider-sign-in");
		long id = this.organisation.person("Provider Sign-In", email);
		long areaId = this.organisation.clinic().waitingArea();
		this.organisation.grant(id, com.videocall.admin.directory.Role.SERVICE_ADMINISTRATOR, areaId);

		AccountUser user = this.accountsSigningIn.activeAccount(" " + email.toUpperCase(Locale.ROOT)).orElseThrow();
		assertThat(user.accountId()).isEqualTo(id);
		assertThat(user.getPassword()).as("password in the session").isNull();
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly(Authorities.ADMINISTRATOR);
	}

	@Test
	void findsNoInvitedDisabledOrUnknownAccountAndCreatesNone() {
		String invited = TestOrganisation.email("invited");
		this.organisation.invitee(invited);
		String disabled = TestOrganisation.email("disabled");
		this.organisation.person("Disabled", disabled, AccountStatus.DISABLED);
		String unknown = TestOrganisation.email("unknown");

		assertThat(this.accountsSigningIn.activeAccount(invited)).isEmpty();
		assertThat(this.accountsSigningIn.activeAccount(disabled)).isEmpty();
		assertThat(this.accountsSigningIn.activeAccount(unknown)).isEmpty();
		assertThat(this.accounts.findByEmail(unknown)).isEmpty();
	}

	@Test
	void anAccountSetUpWithoutPasswordSignsInOnlyWithTheProvider() throws Exception {
		String email = TestOrganisation.email("no-password");
		long id = this.organisation.invitee(email);
		this.accounts.activateWithoutPassword(id, "No Password");

		assertThat(this.accounts.get(id).getStatus()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(this.accounts.isPassword(id, "")).isFalse();
		for (String password : new String[] { "", "anything at all", "null" }) {
			this.mvc.perform(post("/sign-in").with(csrf()).param("email", email).param("password", password))
				.andExpect(redirectedUrl("/sign-in?error"))
				.andExpect(unauthenticated());
		}
		assertThat(this.accountsSigningIn.activeAccount(email)).isPresent();
	}

}
