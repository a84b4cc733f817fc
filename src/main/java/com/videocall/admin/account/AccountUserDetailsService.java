package com.videocall.admin.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.videocall.admin.web.Authorities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs in active accounts by email. Invited and disabled accounts cannot sign in; the
 * failure message never says which part of the sign-in was wrong.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	/**
	 * The roles for which directory.Role.isAdministrator() holds (directory builds on
	 * this module).
	 */
	private static final String ADMINISTRATOR_ROLES = "('ORGANISATION_ADMINISTRATOR', 'SERVICE_ADMINISTRATOR', "
			+ "'MEETING_ROOM_ADMINISTRATOR')";

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	AccountUserDetailsService(AccountRepository accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
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
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (account.isSystemAdministrator()) {
			authorities.add(new SimpleGrantedAuthority(Authorities.SYSTEM_ADMINISTRATOR));
		}
		if (account.isSystemAdministrator() || holdsAdministratorRole(account.getId())) {
			authorities.add(new SimpleGrantedAuthority(Authorities.ADMINISTRATOR));
		}
		return new AccountUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getPasswordHash(),
				account.getStatus() == AccountStatus.ACTIVE, authorities);
	}

	private boolean holdsAdministratorRole(long accountId) {
		return this.jdbc
			.sql("select exists (select 1 from role_grant where account_id = ? and role in " + ADMINISTRATOR_ROLES
					+ ")")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

}
