package com.videocall.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application against real PostgreSQL, with the demo organisation planted,
 * driven through MockMvc with security on. {@link SignIn} and {@link TestData} are there
 * to be injected; every test class uses this annotation as it is, so that they all share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ SignIn.class, TestData.class })
public @interface IntegrationTest {

}
