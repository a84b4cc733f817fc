/**
 * Bringing people in: Add Users (A1, A2), an area's page that offers its roles to several
 * people at once through the invitation module's use case. Import Users (a spreadsheet
 * previewed row by row, through the same use case) will live here too.
 */
@ApplicationModule(allowedDependencies = { "invitation", "directory", "directory :: areas", "account", "web" })
package com.videocall.admin.onboarding;

import org.springframework.modulith.ApplicationModule;
