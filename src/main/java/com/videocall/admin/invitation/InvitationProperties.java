package com.videocall.admin.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an emailed link works, how many new links an expired one may ask for (I4) and
 * how long Undo works (UN). How often a reminder may be sent (X4,
 * {@code app.invitations.reminder-interval}) is the reminders module's
 * {@code ReminderProperties}.
 *
 * @param linkValidity how long an emailed link works
 * @param newLinksPerAddress "Send me a new link" requests for expired links allowed from
 * one client address within the new-link window (each one emails the invitee)
 * @param newLinkWindow how long the new-link requests from one client address count
 * @param undoWindow how long after Cancel Invitation or Remove Roles the banner's "Undo"
 * works (UN)
 * @param lifetime how long after the last invitation or reminder an administrator sent a
 * pending invitation closes unless accepted (LC2): whole days are calendar days of
 * {@code app.time-zone}
 * @param expiryInterval how often the job that ends the invitations past their lifetime
 * runs (on one instance at a time)
 */
@ConfigurationProperties("app.invitations")
public record InvitationProperties(@DefaultValue("14d") Duration linkValidity,
		@DefaultValue("5") int newLinksPerAddress, @DefaultValue("1h") Duration newLinkWindow,
		@DefaultValue("10m") Duration undoWindow, @DefaultValue("90d") Duration lifetime,
		@DefaultValue("5m") Duration expiryInterval) {
}
