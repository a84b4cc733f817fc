/**
 * Who is where, as administrators see it: the Users list (U1, U2), a user's details (U3)
 * and each area's people (O2, W3, R2). Read models across accounts, roles and pending
 * invitations, always limited to the administrator's scope and paged in PostgreSQL.
 */
@ApplicationModule(allowedDependencies = { "directory", "account", "web" })
package com.videocall.admin.people;

import org.springframework.modulith.ApplicationModule;
