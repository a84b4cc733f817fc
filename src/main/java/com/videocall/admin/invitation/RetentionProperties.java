package com.videocall.admin.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (LC3).
 *
 * @param endedInvitations how long after an invitation ended (accepted, cancelled,
 * declined or expired) its invitee's address, name and custom message are removed from
 * it, its emails and its history: whole days are calendar days of {@code app.time-zone}
 * @param interval how often the job that removes them runs (on one instance at a time);
 * an instance's first round waits this long, at most an hour
 */
@ConfigurationProperties("app.retention")
public record RetentionProperties(@DefaultValue("365d") Duration endedInvitations,
		@DefaultValue("1d") Duration interval) {
}
