package com.videocall.admin.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Client addresses for requests whose limits count per address (sign-in attempts, new
 * links), so that tests never use up each other's allowance: the counts live in the
 * database, which every application context of a test run shares.
 */
public final class ClientAddresses {

	private static final AtomicInteger used = new AtomicInteger();

	private ClientAddresses() {
	}

	/** An address no other request of this test run has used. */
	public static String fresh() {
		int n = used.incrementAndGet();
		return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
