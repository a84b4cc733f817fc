package com.videocall.admin.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the demo organisation is planted. The {@code prod} profile never plants it,
 * whatever this says.
 *
 * @param enabled plant the demo organisation into a database that has no accounts yet
 */
@ConfigurationProperties("app.demo-data")
record DemoDataProperties(@DefaultValue("true") boolean enabled) {
}
