package com.videocall.admin.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access that ends (LC1).
 *
 * @param warningBefore how long before the end of a role's last day (in app.time-zone)
 * the person and the area's administrators are emailed that the access ends
 */
@ConfigurationProperties("app.access")
public record AccessProperties(@DefaultValue("7d") Duration warningBefore) {
}
