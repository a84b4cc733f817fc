package com.videocall.admin.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a signed-in session ends by itself (SI6): after {@code idleTimeout} without a
 * request, and {@code absoluteTimeout} after signing in, however busy.
 *
 * @param idleTimeout how long a session lasts without a request (it may end up to a
 * minute early: its last-access time is written at most once a minute)
 * @param absoluteTimeout how long after signing in a session ends, however busy
 */
@ConfigurationProperties("app.sessions")
public record SessionTimeouts(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteTimeout) {
}
