/**
 * Automatic reminders (AR1, AR2): each unit's "Invitation Reminders" settings, inherited
 * down the tree, which of them apply to a pending invitation and when its next reminder
 * is due, and the job that sends the due ones once across instances. Sending itself is
 * the invitation module's ({@link com.videocall.admin.reminders.ReminderSender}); so is
 * the reminder interval's rule (X4), whose setting is here ({@code ReminderProperties}).
 */
@ApplicationModule(allowedDependencies = { "directory", "account", "web" })
package com.videocall.admin.reminders;

import org.springframework.modulith.ApplicationModule;
