/**
 * Access that ends (LC1): roles offered or held until the end of a day in app.time-zone.
 * The job that ends them once that day is over (granted roles through the directory
 * module, invited ones through the invitation aggregate), the warnings emailed
 * {@code app.access.warning-before} ahead to the person and the area's administrators,
 * and "Change end date" for roles in an administrator's scope.
 */
@ApplicationModule(
		allowedDependencies = { "invitation", "invitation :: actions", "directory", "account", "mail", "web" })
package com.videocall.admin.access;

import org.springframework.modulith.ApplicationModule;
