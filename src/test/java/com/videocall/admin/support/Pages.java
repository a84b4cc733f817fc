package com.videocall.admin.support;

import org.springframework.test.web.servlet.MockMvc;

/** Hands out a {@link Browser} signed in as a given account. */
public class Pages {

	private final MockMvc mvc;

	private final SignIn signIn;

	public Pages(MockMvc mvc, SignIn signIn) {
		this.mvc = mvc;
		this.signIn = signIn;
	}

	public Browser as(String email) {
		return new Browser(this.mvc, this.signIn.as(email));
	}

}
