package com.videocall.admin.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the tests' own PostgreSQL database. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = TestDatabase.url();
		String separator = url.contains("?") ? "&" : "?";
		TestPropertyValues
			.of("spring.datasource.url=" + url + separator + "currentSchema=video_call_admin",
					"spring.datasource.username=" + TestDatabase.user(),
					"spring.datasource.password=" + TestDatabase.password())
			.applyTo(context);
	}

}
