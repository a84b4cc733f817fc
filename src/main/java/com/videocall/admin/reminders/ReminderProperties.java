package com.videocall.admin.reminders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often an invitation may be reminded (X4), by an administrator or automatically: at
 * most one reminder within {@code reminderInterval}. Bound from
 * {@code app.invitations.reminder-interval}, beside the other invitation settings.
 *
 * @param reminderInterval at most one reminder per invitation within this interval
 */
@ConfigurationProperties("app.invitations")
public record ReminderProperties(@DefaultValue("10m") Duration reminderInterval) {
}
