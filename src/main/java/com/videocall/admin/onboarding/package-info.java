/**
 * Bringing people in: Add Users (A1, A2), an area's page that offers its roles to several
 * people at once through the invitation module's use case; and Import Users (IM1-IM4), a
 * spreadsheet's rows previewed without changes and then imported once, each row in its
 * own transaction through the same use case ({@link ImportManagement}).
 */
@ApplicationModule(allowedDependencies = { "invitation", "directory", "directory :: areas", "account", "web" })
package com.videocall.admin.onboarding;

import org.springframework.modulith.ApplicationModule;
