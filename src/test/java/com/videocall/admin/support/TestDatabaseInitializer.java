package com.videocall.admin.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at the tests' own PostgreSQL database, with a plain URL (no
 * {@code currentSchema}), as a platform sets it: the application finds its schema by
 * itself.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + TestDatabase.url(), "spring.datasource.username=" + TestDatabase.user(),
					"spring.datasource.password=" + TestDatabase.password())
			.applyTo(context);
	}

}
