/**
 * The shell every page shares: security configuration, layout support, banners, error
 * pages, paging and the display of times in the configured time zone. Other modules build
 * on it; it depends on none of them.
 */
@ApplicationModule(allowedDependencies = {})
package com.videocall.admin.web;

import org.springframework.modulith.ApplicationModule;
