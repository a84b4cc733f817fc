package com.videocall.admin.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.videocall.admin.web.Authorities;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs in active accounts by email and password. Invited and disabled accounts cannot
 * sign in, nor can accounts set up with single sign-on (they have no password); the
 * failure message never says which part of the sign-in was wrong. An account with a
 * second factor is marked so that its sign-in asks for it ({@code SecondFactorPolicy}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final AccountRepository accounts;

	private final AdministratorRoles administratorRoles;

	private final SecondFactors secondFactors;

	AccountUserDetailsService(AccountRepository accounts, AdministratorRoles administratorRoles,
			SecondFactors secondFactors) {
		this.accounts = accounts;
		this.administratorRoles = administratorRoles;
		this.secondFactors = secondFactors;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		// No address holds a control character, and PostgreSQL refuses NUL in text.
		UserAccount account = Optional.of(email.strip())
			.filter((typed) -> !CONTROL.matcher(typed).find())
			.flatMap(this.accounts::findByEmail)
			.filter((candidate) -> candidate.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No account can sign in with that email"));
		return user(account, account.getPasswordHash());
	}

	/**
	 * The account as signed in, with the authorities its rights and factors give (the
	 * same whether by password or by single sign-on).
	 */
	AccountUser user(UserAccount account, String passwordHash) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (account.isSystemAdministrator()) {
			authorities.add(new SimpleGrantedAuthority(Authorities.SYSTEM_ADMINISTRATOR));
		}
		if (account.isSystemAdministrator() || this.administratorRoles.anyHeldBy(account.getId())) {
			authorities.add(new SimpleGrantedAuthority(Authorities.ADMINISTRATOR));
		}
		if (this.secondFactors.anySetUpBy(account.getId())) {
			authorities.add(new SimpleGrantedAuthority(Authorities.SECOND_FACTOR_SET_UP));
		}
		return new AccountUser(account.getId(), account.getEmail(), account.getDisplayName(), passwordHash,
				account.getStatus() == AccountStatus.ACTIVE, authorities);
	}

}
