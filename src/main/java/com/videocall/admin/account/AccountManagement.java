package com.videocall.admin.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on accounts that other modules need: finding, creating invited ones, names.
 */
@Service
public class AccountManagement {

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	AccountManagement(AccountRepository accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	public Optional<UserAccount> findByEmail(String email) {
		return this.accounts.findByEmail(email.strip());
	}

	public UserAccount get(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException("account " + id));
	}

	/** The account of a person invited by email who has not set it up yet. */
	@Transactional
	public UserAccount createInvited(String email, Instant now) {
		return this.accounts.saveAndFlush(UserAccount.invited(email.strip(), now));
	}

	/** Sets up an invited account; the password has passed {@link PasswordPolicy}. */
	@Transactional
	public UserAccount activate(long accountId, String fullName, String password) {
		UserAccount account = get(accountId);
		account.activate(fullName.strip(), this.passwords.encode(password));
		return account;
	}

}
