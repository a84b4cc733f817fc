/**
 * People's accounts: one per email address (case-insensitive), their status, their
 * password, and signing in. Roles are not here: who holds which role where is the
 * directory's business, and sign-in asks it through {@link AdministratorRoles}.
 */
@ApplicationModule(allowedDependencies = { "web" })
package com.videocall.admin.account;

import org.springframework.modulith.ApplicationModule;
