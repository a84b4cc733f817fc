package com.videocall.admin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, configured in
 * {@code application.properties}), their attributes as serialized Java.
 * <p>
 * A page view writes the session's last-access time at most once a minute. Spring Session
 * updates the session's row on every request, so every page view was a write transaction,
 * and the requests of one session waited for each other's lock on its row. The update
 * here leaves the row alone when only the last-access time changed, by less than a
 * minute: a session idle for 30 minutes may so end up to a minute early. (The session id,
 * its timeout and its owner are still written whenever they change.)
 * <p>
 * During a rolling upgrade an instance may meet a session written by a build whose
 * classes differ (another Spring Security version, say). Spring Session would then fail
 * every request of that session until it expires; here an attribute this build cannot
 * read reads as absent instead, so the person is asked to sign in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SessionConfiguration.class);

	/**
	 * Spring Session's update of the session row, with its parameters in its order, made
	 * to change nothing unless more than the last-access time changed or a minute passed.
	 */
	private static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
			             CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
			             CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
			  AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME >= S.LAST_ACCESS_TIME + 60000)
			""";

	/**
	 * Two requests of one session (a double click, two tabs) that both add an attribute,
	 * such as the banner of the next page, both insert it: Spring Session's own
	 * customizer for PostgreSQL makes the insert an upsert, where the second failed on
	 * the primary key and answered 500 after its change was made.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer attributesAddedTwiceAtOnce() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * A session ends {@code app.sessions.idle-timeout} after its last request (SI6): the
	 * timeout Spring Boot gives Spring Session, instead of
	 * {@code spring.session.timeout}.
	 */
	@Bean
	@Primary
	SessionTimeout idleTimeout(SessionTimeouts timeouts) {
		return timeouts::idleTimeout;
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOnceAMinute() {
		return (sessions) -> sessions.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
	}

	/**
	 * Spring Session's statements run each on its own, committed as it runs (autocommit),
	 * as Spring Session allows: a request's read of its session row is one round trip to
	 * the database, and the update of its last-access time another. By default it takes
	 * the application's transaction manager, JPA's, which opened a Hibernate session and
	 * a transaction (two more round trips: the commits) around every read and write of a
	 * session row, for statements Hibernate never sees. What a save writes in more than
	 * one statement (a new session and its attributes, an attribute set beside the
	 * last-access time) may so be half written if the instance dies between them: the
	 * person is then asked to sign in again, or misses a banner. Only when the session is
	 * saved while one of the application's transactions runs (the CSV export commits its
	 * response, and with it the session, while it streams rows in a read-only
	 * transaction) is JPA's manager asked to suspend it and begin another. Not a default
	 * candidate: only Spring Session, which asks for it by this name, gets it, and Spring
	 * Boot still makes the application's own {@link TransactionTemplate}.
	 */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager applicationTransactions) {
		TransactionOperations autocommit = TransactionOperations.withoutTransaction();
		TransactionTemplate besideTheApplications = new TransactionTemplate(applicationTransactions);
		besideTheApplications.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return TransactionSynchronizationManager.isActualTransactionActive()
						? besideTheApplications.execute(action) : autocommit.execute(action);
			}
		};
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableAttributesReadAsAbsent() {
		DeserializingConverter deserializer = new DeserializingConverter(SessionConfiguration.class.getClassLoader());
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, (byte[] bytes) -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException ex) {
				logger.warn("A session attribute written by another build cannot be read, so it is left out: {}",
						ex.getMostSpecificCause().toString());
				return null;
			}
		});
		return (sessions) -> sessions.setConversionService(conversions);
	}

}
