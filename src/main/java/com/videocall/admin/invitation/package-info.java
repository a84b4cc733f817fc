/**
 * An invitation itself: the roles offered to a person who has not set up their account
 * yet (the aggregate), Add Users, Send Reminder, removing roles and cancelling, the
 * emailed links and the invitee's account set-up, the history of what administrators did
 * and the emails it sends; the Manage Invitation dialog and the areas' action menus. Its
 * pages' way of answering an action ({@code web.Refusals}, {@code web.UndoOffer}) is
 * offered to the worklist's and Undo's pages as the named interface {@code actions}.
 */
@ApplicationModule(allowedDependencies = { "reminders", "mail", "people", "people :: web", "directory",
		"directory :: areas", "account", "web" })
package com.videocall.admin.invitation;

import org.springframework.modulith.ApplicationModule;
