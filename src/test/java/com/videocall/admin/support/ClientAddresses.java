package com.videocall.admin.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Client addresses for requests whose limits count per address (sign-in attempts, new
 * links), so that tests sharing an application never use up each other's allowance.
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
