package com.videocall.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest}'s application with a {@link MutableClock} as its clock, for
 * tests that move time forward (link expiry, rate-limit windows). This is a second
 * application context, on purpose: moving the clock of the shared one would age every
 * other test's invitations and the demo organisation's. Same database, same mail server;
 * tests keep to their own {@link TestOrganisation}. Its administrators need a second
 * factor (the default, which the shared application's test settings relax).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Import(MovableClockIntegrationTest.MovableClock.class)
@TestPropertySource(properties = "app.sign-in.second-factor=required")
public @interface MovableClockIntegrationTest {

	/** The clock every bean gets instead of the system's. */
	@TestConfiguration(proxyBeanMethods = false)
	class MovableClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
