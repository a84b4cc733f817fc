package com.videocall.admin.web;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny by default: every path is listed here with who may use it. CSRF protection stays
 * on, and Spring Security's default session fixation protection gives a new session id at
 * sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers("/sign-in", "/invitation/**", "/css/**", "/js/**", "/favicon.ico", "/actuator/health")
			.permitAll()
			.requestMatchers("/users/**", "/organisational-units/**", "/waiting-areas/**", "/meeting-rooms/**")
			.hasAuthority(Authorities.ADMINISTRATOR)
			.requestMatchers("/sent-emails/**")
			.hasAuthority(Authorities.SYSTEM_ADMINISTRATOR)
			.requestMatchers("/")
			.authenticated()
			.anyRequest()
			.denyAll());
		http.formLogin((form) -> form.loginPage("/sign-in")
			.usernameParameter("email")
			.passwordParameter("password")
			.defaultSuccessUrl("/", false)
			.failureUrl("/sign-in?error")
			.permitAll());
		http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
		http.logout((logout) -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; object-src 'none'; "
					+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
