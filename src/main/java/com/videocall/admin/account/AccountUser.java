package com.videocall.admin.account;

import java.util.Collection;

import com.videocall.admin.web.AccountPrincipal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as Spring Security holds it in the session, which is serialized
 * into PostgreSQL and read by every instance: its serial version stays fixed so that
 * instances of different builds read each other's sessions while the fields stay the
 * same.
 */
public class AccountUser extends User implements AccountPrincipal {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String displayName;

	public AccountUser(long accountId, String email, String displayName, String passwordHash, boolean enabled,
			Collection<? extends GrantedAuthority> authorities) {
		super(email, passwordHash, enabled, true, true, true, authorities);
		this.accountId = accountId;
		this.displayName = displayName;
	}

	@Override
	public long accountId() {
		return this.accountId;
	}

	public String displayName() {
		return this.displayName;
	}

}
