package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.support.OwnApplication;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organisation is planted only where it is wanted: never in the {@code prod}
 * profile, whatever {@code app.demo-data.enabled} says, and not when that is false. Each
 * test starts the application on its own, on a fresh, empty database (the shared test
 * context has the demo organisation planted).
 */
class DemoDataSwitchTests {

	@Test
	void plantsNothingInTheProdProfileEvenWithDemoDataEnabled() {
		try (ConfigurableApplicationContext app = OwnApplication.start("--spring.profiles.active=prod",
				"--app.demo-data.enabled=true")) {
			assertNothingPlanted(app);
		}
	}

	@Test
	void plantsNothingWhenDemoDataIsSwitchedOff() {
		try (ConfigurableApplicationContext app = OwnApplication.start("--app.demo-data.enabled=false")) {
			assertNothingPlanted(app);
		}
	}

	private static void assertNothingPlanted(ConfigurableApplicationContext app) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		// The schema is there (Flyway ran), but empty.
		assertThat(count(jdbc, "flyway_schema_history")).isPositive();
		for (String table : new String[] { "account", "area", "role_grant", "invitation", "outbound_email" }) {
			assertThat(count(jdbc, table)).as(table).isZero();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
