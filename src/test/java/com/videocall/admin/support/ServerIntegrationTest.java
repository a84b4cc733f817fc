package com.videocall.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real server (random port) against real PostgreSQL, with the
 * demo organisation planted, driven over HTTP with a {@link HttpBrowser}. For what
 * MockMvc cannot show: error pages are rendered by the servlet container's error
 * dispatch, which MockMvc does not perform. MockMvc is there too, for many quick requests
 * whose status is all that counts. No mail server: emails stay in the outbox. Tests that
 * change data use their own {@link TestOrganisation}, since every class configured this
 * way shares one application context: add helpers here, not on a test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ FastPasswords.class, SignIn.class, TestOrganisation.class, Invitations.class, InvitationRecords.class })
public @interface ServerIntegrationTest {

}
