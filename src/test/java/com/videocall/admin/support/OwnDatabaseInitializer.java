package com.videocall.admin.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a new, empty database of its own, for a test context whose
 * figures must count only its own doing (the outbox's backlog, pending invitations).
 */
public class OwnDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + TestDatabase.newDatabase(),
					"spring.datasource.username=" + TestDatabase.user(),
					"spring.datasource.password=" + TestDatabase.password())
			.applyTo(context);
	}

}
