/**
 * Undo after Cancel Invitation or Remove Roles (UN): the records of what a removal took,
 * kept in the database so that any instance can undo it, and the banner's "Undo" itself.
 * Restoring an invitation is the invitation module's; this module decides whether an Undo
 * may happen (window, scope, once) and asks it.
 */
@ApplicationModule(allowedDependencies = { "invitation", "invitation :: actions", "directory", "account", "web" })
package com.videocall.admin.undo;

import org.springframework.modulith.ApplicationModule;
