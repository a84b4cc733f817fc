package com.videocall.admin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, configured in
 * {@code application.properties}), their attributes as serialized Java. During a rolling
 * upgrade an instance may meet a session written by a build whose classes differ (another
 * Spring Security version, say). Spring Session would then fail every request of that
 * session until it expires; here an attribute this build cannot read reads as absent
 * instead, so the person is asked to sign in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SessionConfiguration.class);

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
