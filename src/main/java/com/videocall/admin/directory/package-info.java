/**
 * Where people work and what they may do there: organisational units (a tree), waiting
 * areas and meeting rooms, the roles held in them, and the administrator scope that every
 * list and record lookup goes through.
 */
@ApplicationModule(allowedDependencies = { "account", "web" })
package com.videocall.admin.directory;

import org.springframework.modulith.ApplicationModule;
