package com.videocall.admin.web;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings: the public base URL used in emailed links (never the
 * request's Host) and the time zone in which times are shown.
 */
@ConfigurationProperties("app")
public record AppProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue("Australia/Sydney") ZoneId timeZone) {
}
