package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees.Snapshot;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages an invitation link opens, as the invitee's browser asks for them. */
@TestComponent
public class LinkPages {

	/** A password that passes the policy (I5). */
	public static final String PASSWORD = "a long and unusual passphrase";

	private final MockMvc mvc;

	private final Invitees invitations;

	public LinkPages(MockMvc mvc, Invitees invitations) {
		this.mvc = mvc;
		this.invitations = invitations;
	}

	/**
	 * Opens the link's page, which must answer 200, and checks that opening it changed
	 * nothing (I2, I4, X2).
	 */
	public Document openWithoutChanging(Invitee invitee, String token) throws Exception {
		Snapshot before = this.invitations.snapshot(invitee);
		Document page = html(this.mvc.perform(get("/invitation/{token}", token)).andExpect(status().isOk()));
		assertThat(this.invitations.snapshot(invitee)).as("after opening the link").isEqualTo(before);
		return page;
	}

	/** Sets the account up with a good password, as the invitee would. */
	public ResultActions submit(String token, String fullName) throws Exception {
		return submit(token, fullName, PASSWORD, PASSWORD);
	}

	/** Submits the set-up form, with its CSRF token. */
	public ResultActions submit(String token, String fullName, String password, String confirmPassword)
			throws Exception {
		return this.mvc.perform(setUp(token, fullName, password, confirmPassword));
	}

	/** The set-up form's POST, with its CSRF token, for a test to add to. */
	public static MockHttpServletRequestBuilder setUp(String token, String fullName, String password,
			String confirmPassword) {
		return post("/invitation/{token}", token).with(csrf())
			.param("fullName", fullName)
			.param("password", password)
			.param("confirmPassword", confirmPassword);
	}

	/**
	 * The statuses of the answers to opening the link, submitting its form, asking for a
	 * new link, and opening and sending "This invitation isn't for me" (LC6).
	 */
	public List<Integer> answersTo(String token) throws Exception {
		List<Integer> statuses = new ArrayList<>();
		for (RequestBuilder request : List.of(get("/invitation/{token}", token),
				setUp(token, "Nobody", PASSWORD, PASSWORD), newLink(token), get("/invitation/{token}/decline", token),
				decline(token))) {
			statuses.add(this.mvc.perform(request).andReturn().getResponse().getStatus());
		}
		return statuses;
	}

	/** "Decline invitation" (LC6), with its CSRF token. */
	public static MockHttpServletRequestBuilder decline(String token) {
		return post("/invitation/{token}/decline", token).with(csrf());
	}

	/**
	 * "Send me a new link", from a client address of its own: the limit of new links per
	 * client is tested on its own.
	 */
	public static MockHttpServletRequestBuilder newLink(String token) {
		return newLink(token, ClientAddresses.fresh());
	}

	/** "Send me a new link" from one client address. */
	public static MockHttpServletRequestBuilder newLink(String token, String clientAddress) {
		return post("/invitation/{token}/new-link", token).with(csrf()).with(ClientAddresses.from(clientAddress));
	}

	public static Document html(ResultActions result) throws UnsupportedEncodingException {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

}
