package com.videocall.admin.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.web.Authorities;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs MockMvc requests in as a real account, loaded the way sign-in loads it, past both
 * steps of signing in: the password and a code from an authenticator app (SI1).
 */
public class SignIn {

	public static final String ADMIN = "admin@example.org";

	public static final String ORG_ADMIN = "org.admin@example.org";

	public static final String CLINIC_ADMIN = "clinic.admin@example.org";

	public static final String ROOM_ADMIN = "room.admin@example.org";

	private final UserDetailsService accounts;

	public SignIn(UserDetailsService accounts) {
		this.accounts = accounts;
	}

	public RequestPostProcessor as(String email) {
		UserDetails account = this.accounts.loadUserByUsername(email);
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(Authorities.PASSWORD_FACTOR));
		authorities.add(FactorGrantedAuthority.fromAuthority(Authorities.AUTHENTICATOR_APP_FACTOR));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities));
	}

}
