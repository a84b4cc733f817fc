package com.videocall.admin.web;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings. Each default is written here only; the configuration
 * processor publishes it, with these descriptions, in the build's metadata.
 *
 * @param baseUrl public base URL of emailed links (never taken from the request's Host)
 * @param timeZone time zone in which times are shown
 * @param metricsRefresh how long a gauge read from the database (outbox backlog, pending
 * invitations) is kept before it is read again, however often the metrics are scraped
 */
@ConfigurationProperties("app")
public record AppProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue("Australia/Sydney") ZoneId timeZone, @DefaultValue("5s") Duration metricsRefresh) {
}
