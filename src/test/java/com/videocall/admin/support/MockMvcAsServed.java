package com.videocall.admin.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc's dispatcher servlet as the application's server sets its own up: Spring Boot
 * applies {@code spring.mvc.publish-request-handled-events} to the server's dispatcher
 * but not to MockMvc's, which would then read the session of every request for an event
 * nobody listens to.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcAsServed {

	@Bean
	MockMvcBuilderCustomizer publishRequestHandledEventsAsServed(WebMvcProperties properties) {
		return (builder) -> builder.addDispatcherServletCustomizer(
				(dispatcher) -> dispatcher.setPublishEvents(properties.isPublishRequestHandledEvents()));
	}

}
