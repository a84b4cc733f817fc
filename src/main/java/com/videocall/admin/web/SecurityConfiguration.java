package com.videocall.admin.web;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: every path a controller maps is listed here with who may use it, and
 * one that is not is denied. Paths no controller maps are "not found" for anyone signed
 * in (anonymous visitors are sent to sign in, as for every page, so nobody learns which
 * paths exist). Whoever owes a second factor ({@link SecondFactorPolicy}) reaches only
 * the sign-in's second step until they give it. CSRF protection stays on, and Spring
 * Security's default session fixation protection gives a new session id at sign-in.
 * Sessions, and with them the CSRF token and the page to return to after sign-in, live in
 * PostgreSQL (Spring Session JDBC), so every instance sees the same; sign-out deletes the
 * session for all of them. The actuator's endpoints answer only on the management port,
 * which is bound to a private address; on the application's port there are the probes
 * {@code /livez} and {@code /readyz} and nothing else of them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No Micrometer observation around each security filter, each authentication and each
	 * authorization (decision 15): nobody reads them (operators read the HTTP requests,
	 * the connection pool, the JVM and the application's own metrics, README "Metrics"),
	 * and they cost about 8 % of a request's time.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The style sheet, the script and the icon every page loads: open to anyone, with the
	 * same headers, and without the session. The main chain's request cache looks in the
	 * session on every request (as do the banners, {@link BoundedFlashMaps}), so each
	 * page view read its session row three times (and ran the update of its last-access
	 * time three times) instead of once.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain staticResources(HttpSecurity http) throws Exception {
		http.securityMatcher(StaticResources.PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.disable())
			.sessionManagement((sessions) -> sessions.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle, SecondFactorPolicy factors,
			SessionEnd sessionEnd, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
			Customizer<WebAuthnConfigurer<HttpSecurity>> passkeys) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> signedIn = factors
			.afterSecondFactor(AuthenticatedAuthorizationManager.authenticated());
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers("/sign-in", "/invitation/**", "/livez", "/readyz")
			.permitAll()
			// "Forgot your password?" and the page its emailed link opens (SI9).
			.requestMatchers("/password-reset", "/password-reset/*")
			.permitAll()
			// The second step of signing in (SI1, SI2): open after the password.
			.requestMatchers("/sign-in/**")
			.authenticated()
			// A passkey's registration (its options, and signing in with one, are
			// answered
			// before these rules); removing one is the Security page's form.
			.requestMatchers(HttpMethod.POST, "/webauthn/register")
			.access(factors.addingFactors())
			.requestMatchers("/webauthn/**")
			.denyAll()
			// Only on the management port, which is not public (management.server.*).
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/users/**", "/pending-invitations/**", "/organisational-units/**", "/waiting-areas/**",
					"/meeting-rooms/**")
			.access(factors.afterSecondFactor(AuthorityAuthorizationManager.hasAuthority(Authorities.ADMINISTRATOR)))
			.requestMatchers("/sent-emails/**")
			.access(factors
				.afterSecondFactor(AuthorityAuthorizationManager.hasAuthority(Authorities.SYSTEM_ADMINISTRATOR)))
			.requestMatchers("/", "/about", "/security", "/security/**")
			.access(signedIn)
			.requestMatchers(new UnmappedPaths(controllers))
			.access(signedIn)
			.anyRequest()
			.denyAll());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(sessionEnd.signInPage())
			.accessDeniedHandler(refusal(factors, sessionEnd)));
		http.addFilterAfter(sessionEnd.absoluteTimeout(), SecurityContextHolderFilter.class);
		SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();
		toPageAskedFor.setDefaultTargetUrl("/");
		http.formLogin((form) -> form.loginPage("/sign-in")
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler((request, response, authentication) -> {
				sessionEnd.markSignedIn(request, response);
				toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
			})
			.failureUrl("/sign-in?error")
			.permitAll());
		http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
		http.webAuthn(passkeys);
		http.logout((logout) -> logout.logoutUrl("/sign-out")
			.logoutSuccessUrl("/sign-in?signed-out")
			.deleteCookies(SessionEnd.SIGNED_IN_COOKIE));
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; object-src 'none'; "
					+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

	/**
	 * Someone who still owes their second factor is sent to give it, and comes back to
	 * the page they asked for (a GET) afterwards; a form posted into a session that ended
	 * by itself goes to the sign-in page, which says why (SI6); anyone else refused gets
	 * 403.
	 */
	private static AccessDeniedHandler refusal(SecondFactorPolicy factors, SessionEnd sessionEnd) {
		HttpSessionRequestCache pageAskedFor = new HttpSessionRequestCache();
		pageAskedFor.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"));
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			if (factors.missingSecondFactor(SecurityContextHolder.getContext().getAuthentication())) {
				pageAskedFor.saveRequest(request, response);
				response.sendRedirect(request.getContextPath() + "/sign-in/second-factor");
			}
			else if (denied instanceof CsrfException && sessionEnd.reason(request).isPresent()) {
				sessionEnd.toSignIn(request, response);
			}
			else {
				forbidden.handle(request, response, denied);
			}
		};
	}

}
