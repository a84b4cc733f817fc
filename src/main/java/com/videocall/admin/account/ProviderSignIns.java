package com.videocall.admin.account;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account a sign-in with the organisation's OpenID Connect provider signs in
 * (SI5): the active account of the email the provider verified, in any case, with or
 * without a password. Never creates one: people get accounts by invitation only.
 */
@Service
public class ProviderSignIns {

	private final AccountRepository accounts;

	private final AccountUserDetailsService users;

	ProviderSignIns(AccountRepository accounts, AccountUserDetailsService users) {
		this.accounts = accounts;
		this.users = users;
	}

	/**
	 * The active account of this verified email, as signed in (no password in it); empty
	 * when none is active (unknown, invited or disabled).
	 */
	@Transactional(readOnly = true)
	public Optional<AccountUser> activeAccount(String verifiedEmail) {
		return this.accounts.findByEmail(verifiedEmail.strip())
			.filter((account) -> account.getStatus() == AccountStatus.ACTIVE)
			.map((account) -> {
				AccountUser user = this.users.user(account, "");
				user.eraseCredentials();
				return user;
			});
	}

}
