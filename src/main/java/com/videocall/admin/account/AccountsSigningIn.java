package com.videocall.admin.account;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account a sign-in without a password signs in: with the organisation's OpenID
 * Connect provider (SI5), the account of the email the provider verified, and with a
 * passkey (SI1), the account its user entity names. Either way the active account of the
 * email, in any case, with or without a password. Never creates one: people get accounts
 * by invitation only.
 */
@Service
public class AccountsSigningIn {

	private final AccountRepository accounts;

	private final AccountUserDetailsService users;

	AccountsSigningIn(AccountRepository accounts, AccountUserDetailsService users) {
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
