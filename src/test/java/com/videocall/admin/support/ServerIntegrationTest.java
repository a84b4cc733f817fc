package com.videocall.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real server (random port) against real PostgreSQL, with the
 * demo organisation planted, driven over HTTP with a {@link Browser}. For what MockMvc
 * cannot show: error pages are rendered by the servlet container's error dispatch, which
 * MockMvc does not perform. Tests that change data use their own
 * {@link TestOrganisation}, since every class configured this way shares one application
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ TestData.class, TestOrganisation.class, Invitations.class, InvitationRecords.class })
public @interface ServerIntegrationTest {

}
