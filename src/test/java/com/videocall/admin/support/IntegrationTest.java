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
 * The whole application against real PostgreSQL, with the demo organisation planted and
 * GreenMail as its SMTP server, driven through MockMvc with security on. Every class
 * configured this way shares one application context: add helpers here, not on a test
 * class (no {@code @Import}, {@code @TestPropertySource}, {@code @MockitoBean} or nested
 * {@code @TestConfiguration} there: each would quietly start a context of its own). A
 * test that needs a different application says so with an annotation of its own, such as
 * {@link MovableClockIntegrationTest}. The {@link StatementCounter} counts only on the
 * thread that asks it to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// GreenMail logs every mailbox it creates, and tests make hundreds.
@SpringBootTest(properties = "logging.level.com.icegreen.greenmail=WARN")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, MailServer.Initializer.class })
@Import({ FastPasswords.class, MockMvcAsServed.class, SignIn.class, TestOrganisation.class, Pages.class,
		Invitations.class, InvitationRecords.class, MailServer.class, Invitees.class, LinkPages.class,
		StatementCounter.class })
public @interface IntegrationTest {

}
