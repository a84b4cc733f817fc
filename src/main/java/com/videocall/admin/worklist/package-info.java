/**
 * The Pending Invitations worklist (P1-P5): every pending invitation in scope with its
 * filters, sorts, search and paging, the bulk Send Reminders and Cancel Invitations, the
 * CSV export and the home page's counts; its stored keys (table
 * {@code pending_invitation}, kept by its own triggers, decision 12).
 */
@ApplicationModule(allowedDependencies = { "invitation", "invitation :: actions", "reminders", "mail", "people",
		"directory", "account", "web" })
package com.videocall.admin.worklist;

import org.springframework.modulith.ApplicationModule;
