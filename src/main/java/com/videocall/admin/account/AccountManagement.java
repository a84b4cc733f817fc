package com.videocall.admin.account;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on accounts that other modules need: finding, creating invited ones, names;
 * and creating active ones with a known password, which only the demo organisation does
 * (people otherwise set up their account from an invitation).
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

	/**
	 * An active account with a name and a password already encoded by the application's
	 * {@link PasswordEncoder} (so that many accounts can share one without encoding it
	 * each time).
	 */
	@Transactional
	public UserAccount createActive(String email, String fullName, String passwordHash, boolean systemAdministrator,
			Instant now) {
		return this.accounts
			.saveAndFlush(UserAccount.active(email.strip(), fullName.strip(), passwordHash, systemAdministrator, now));
	}

	/**
	 * Switches on or off the email the person gets when someone they invited sets up
	 * their account (LC5, on their Security page).
	 */
	@Transactional
	public void emailSetUpNotices(long accountId, boolean wanted) {
		get(accountId).emailSetUpNotices(wanted);
	}

	/**
	 * Removes the address and name of an account whose person never set it up (LC3): they
	 * become {@link EmailAddresses#removed(long) a placeholder} and nothing, when
	 * {@code stillUnneeded}, asked once the account is locked (so that a new invitation
	 * for it is either committed and seen, or waits), says the caller has no use left for
	 * them. An active or disabled account, and one already without them, is left as it
	 * is; returns whether this call removed them.
	 */
	@Transactional
	public boolean removePersonalData(long accountId, Instant now, BooleanSupplier stillUnneeded) {
		UserAccount account = this.accounts.findLocked(accountId)
			.orElseThrow(() -> new AccountNotFoundException("account " + accountId));
		if (account.getStatus() != AccountStatus.INVITED || account.isPersonalDataRemoved()
				|| !stillUnneeded.getAsBoolean()) {
			return false;
		}
		account.removePersonalData(now);
		this.accounts.flush();
		return true;
	}

	/** The account can no longer sign in. */
	@Transactional
	public void disable(long accountId) {
		get(accountId).disable();
	}

	/** Whether no account exists yet: an empty database. */
	public boolean noneYet() {
		return this.accounts.count() == 0;
	}

	/** Whether this is the account's password. */
	public boolean isPassword(long accountId, String password) {
		String hash = get(accountId).getPasswordHash();
		return password != null && hash != null && this.passwords.matches(password, hash);
	}

	/**
	 * Changes an active account's password; the new one has passed
	 * {@link PasswordPolicy}.
	 */
	@Transactional
	public void changePassword(long accountId, String newPassword) {
		get(accountId).changePassword(this.passwords.encode(newPassword));
	}

	/**
	 * Sets up an invited account with single sign-on (SI5): it has no password, so only
	 * the provider signs it in. The name is the provider's, or none (the email is shown).
	 */
	@Transactional
	public UserAccount activateWithoutPassword(long accountId, String fullName) {
		UserAccount account = get(accountId);
		account.activate((fullName != null && !fullName.isBlank()) ? fullName.strip() : null, null);
		return account;
	}

	/** Sets up an invited account; the password has passed {@link PasswordPolicy}. */
	@Transactional
	public UserAccount activate(long accountId, String fullName, String password) {
		UserAccount account = get(accountId);
		account.activate(fullName.strip(), this.passwords.encode(password));
		return account;
	}

}
