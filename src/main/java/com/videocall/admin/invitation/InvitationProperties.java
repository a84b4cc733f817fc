package com.videocall.admin.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long an emailed link works, and how often a reminder may be sent (X4). */
@ConfigurationProperties("app.invitations")
public record InvitationProperties(@DefaultValue("14d") Duration linkValidity,
		@DefaultValue("10m") Duration reminderInterval) {
}
