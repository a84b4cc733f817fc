package com.videocall.admin.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as a real account, loaded the way sign-in loads it. */
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
		return user(this.accounts.loadUserByUsername(email));
	}

}
