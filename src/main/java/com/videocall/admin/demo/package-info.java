/**
 * The demo organisation (docs/requirements.md §5), planted into an empty database by the
 * default run so that every page and flow can be tried at once. Never active in the prod
 * profile.
 */
@ApplicationModule(allowedDependencies = { "invitation", "directory", "account", "web" })
package com.videocall.admin.demo;

import org.springframework.modulith.ApplicationModule;
