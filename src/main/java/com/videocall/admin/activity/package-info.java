/**
 * The activity trail (AC1-AC7): one append-only, hash-chained record of what
 * administrators, invitees and the system did, fed by the events the acting modules
 * publish (they do not know it listens), written in the transaction of the change it
 * records; the "Activity" page, its filters and export; the history of the Manage
 * Invitation dialog, which the invitation module reads through its
 * {@code InvitationHistory} interface; the integrity check and retention.
 */
@ApplicationModule(allowedDependencies = { "invitation", "access", "reminders", "worklist", "signin", "directory",
		"directory :: areas", "account", "mail", "web" })
package com.videocall.admin.activity;

import org.springframework.modulith.ApplicationModule;
