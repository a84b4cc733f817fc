package com.videocall.admin.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.videocall.admin.web.SecurityLog.Action;
import com.videocall.admin.web.SecurityLog.User;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: every path a controller maps is listed here with who may use it, and
 * one that is not is denied. Paths no controller maps are "not found" for anyone signed
 * in (anonymous visitors are sent to sign in, as for every page, so nobody learns which
 * paths exist). Whoever owes a second factor ({@link SecondFactorPolicy}) reaches only
 * the sign-in's second step until they give it. CSRF protection stays on, and Spring
 * Security's default session fixation protection gives a new session id at sign-in. When
 * an OpenID Connect provider is registered, its sign-in is added
 * ({@link SingleSignOnLogin}, SI5); otherwise its paths do not exist. Sessions, and with
 * them the CSRF token and the page to return to after sign-in, live in PostgreSQL (Spring
 * Session JDBC), so every instance sees the same; sign-out deletes the session for all of
 * them. The actuator's endpoints answer only on the management port, which is bound to a
 * private address; on the application's port there are the probes {@code /livez} and
 * {@code /readyz} and nothing else of them.
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
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle, PasswordSignIn password,
			SecondFactorPolicy factors, SessionEnd sessionEnd, SecurityLog securityLog,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
			Customizer<WebAuthnConfigurer<HttpSecurity>> passkeys, SingleSignOnProviders providers,
			ObjectProvider<SingleSignOnLogin> singleSignOn) throws Exception {

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
			// Single sign-on's start and the provider's answer (SI5), only when one is
			// registered: otherwise these paths do not exist.
			.requestMatchers(singleSignOnPaths(providers))
			.permitAll()
			// The second step of signing in (SI1, SI2): open after the password.
			.requestMatchers("/sign-in/**")
			.authenticated()
			// A passkey's registration (its options, and signing in with one, are
			// answered before these rules); removing one is the Security page's form.
			.requestMatchers(HttpMethod.POST, "/webauthn/register")
			.access(factors.addingFactors())
			.requestMatchers("/webauthn/**")
			.denyAll()
			// Only on the management port, which is not public (management.server.*).
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/users/**", "/pending-invitations/**", "/activity/**", "/organisational-units/**",
					"/waiting-areas/**", "/meeting-rooms/**")
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
			.accessDeniedHandler(refusal(factors, sessionEnd, securityLog)));
		http.addFilterAfter(sessionEnd.absoluteTimeout(), SecurityContextHolderFilter.class);
		http.formLogin((form) -> form.loginPage("/sign-in")
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler(password.succeeded())
			.failureHandler(password.failed())
			.permitAll());
		// Refused for its domain before the throttle counts it (filters of one place run
		// in the order added).
		http.addFilterBefore(providerOnly(providers), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
		http.webAuthn(passkeys);
		if (providers.any()) {
			http.oauth2Login((login) -> {
				login.loginPage("/sign-in");
				singleSignOn.getObject().configure(login);
			});
		}
		http.logout((logout) -> logout.logoutUrl("/sign-out")
			.logoutSuccessUrl("/sign-in?signed-out")
			.deleteCookies(SessionEnd.SIGNED_IN_COOKIE));
		headers(http);
		return http.build();
	}

	private static RequestMatcher singleSignOnPaths(SingleSignOnProviders providers) {
		if (!providers.any()) {
			return (request) -> false;
		}
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher(HttpMethod.GET, SingleSignOnProviders.START + "/*"),
				paths.matcher("/login/oauth2/code/*"));
	}

	/**
	 * A password sign-in for an email of a domain that signs in only with the provider
	 * ({@code app.sso.required-for-domains}, SI5) is refused before its password is
	 * checked or counted: the refusal depends on the domain alone, so it says nothing
	 * about the account.
	 */
	private static OncePerRequestFilter providerOnly(SingleSignOnProviders providers) {
		RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-in");
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !signIn.matches(request);
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (providers.requiredFor(request.getParameter("email"))) {
					response.sendRedirect(request.getContextPath() + "/sign-in?provider-only");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; object-src 'none'; "
					+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

	/**
	 * A form posted into a session that ended by itself goes to the sign-in page, which
	 * says why (SI6); any other refused CSRF token is a line in the security log. Someone
	 * who still owes their second factor is sent to give it, and comes back to the page
	 * they asked for (a GET) afterwards; anyone else refused gets 403, and a line in the
	 * security log.
	 */
	private static AccessDeniedHandler refusal(SecondFactorPolicy factors, SessionEnd sessionEnd,
			SecurityLog securityLog) {
		HttpSessionRequestCache pageAskedFor = new HttpSessionRequestCache();
		pageAskedFor.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"));
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean csrf = denied instanceof CsrfException;
			if (csrf && sessionEnd.reason(request).isPresent()) {
				sessionEnd.toSignIn(request, response);
				return;
			}
			if (csrf) {
				securityLog.write(Action.CSRF_TOKEN_REFUSED,
						(denied instanceof MissingCsrfTokenException) ? "missing token" : "wrong token",
						User.signedIn(authentication));
			}
			if (factors.missingSecondFactor(authentication)) {
				pageAskedFor.saveRequest(request, response);
				response.sendRedirect(request.getContextPath() + "/sign-in/second-factor");
				return;
			}
			if (!csrf) {
				securityLog.write(Action.ACCESS_DENIED, "not allowed for this account", User.signedIn(authentication));
			}
			forbidden.handle(request, response, denied);
		};
	}

}
