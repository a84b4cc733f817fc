package com.videocall.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the {@link SecurityLog} may write.
 *
 * @param linesPerMinute lines each kind of security event ({@code event.action}) may
 * write in a minute on one instance; the rest are counted, and one line says how many
 */
@ConfigurationProperties("app.security-log")
public record SecurityLogProperties(@DefaultValue("20") int linesPerMinute) {

	public SecurityLogProperties {
		if (linesPerMinute < 1) {
			throw new IllegalArgumentException("app.security-log.lines-per-minute must be at least 1");
		}
	}

}
