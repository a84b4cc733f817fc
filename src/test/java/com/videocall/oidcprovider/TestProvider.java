package com.videocall.oidcprovider;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for the single sign-on tests (SI5): Spring Authorization
 * Server on a port of its own, with the client the application under test registers
 * (authorization code, confidential, PKCE required, no consent page), its default sign-in
 * form, and people whose ID tokens carry the {@code email}, {@code email_verified},
 * {@code name}, {@code amr} and {@code acr} a test gives them. It records the query of
 * every authorization request it receives, so a test sees what the application sent
 * (state, nonce, code challenge).
 * <p>
 * Outside the application's packages, so that no component scan of the application's
 * finds it, and started without auto-configuration, so that nothing of the application's
 * settings reaches it.
 */
public final class TestProvider implements AutoCloseable {

	/** The password every person of the provider signs in with. */
	public static final String PASSWORD = "provider-password";

	/** The client id and secret the application registers. */
	public static final String CLIENT_ID = "video-call-admin";

	public static final String CLIENT_SECRET = "test-client-secret";

	private final ConfigurableApplicationContext context;

	private final People people;

	private TestProvider(ConfigurableApplicationContext context) {
		this.context = context;
		this.people = context.getBean(People.class);
	}

	/**
	 * Starts the provider for a client whose answers go to {@code redirectUri} (the
	 * application's {@code /login/oauth2/code/{registrationId}}).
	 */
	public static TestProvider start(String redirectUri) {
		return new TestProvider(
				new SpringApplicationBuilder(ProviderConfiguration.class).web(WebApplicationType.SERVLET)
					.properties("spring.config.name=test-oidc-provider", "spring.main.banner-mode=off",
							"spring.docker.compose.enabled=false", "test-provider.redirect-uri=" + redirectUri)
					.run());
	}

	/** Its issuer: the {@code issuer-uri} of the application's registration. */
	public String issuer() {
		return "http://localhost:" + this.context.getEnvironment().getRequiredProperty("local.server.port");
	}

	/**
	 * A person who signs in at the provider as {@code username} with {@link #PASSWORD},
	 * whose ID token says the rest ({@code amr} and {@code acr} left out when empty or
	 * null).
	 */
	public void person(String username, String email, boolean emailVerified, String name, List<String> amr,
			String acr) {
		this.people.add(new Person(username, email, emailVerified, name, amr, acr));
	}

	/** The query parameters of each authorization request received, in order. */
	public List<Map<String, String>> authorizationRequests() {
		return List.copyOf(this.people.authorizationRequests);
	}

	@Override
	public void close() {
		this.context.close();
	}

	record Person(String username, String email, boolean emailVerified, String name, List<String> amr, String acr) {
	}

	/** The provider's people: who signs in, and what their ID tokens say. */
	static final class People {

		final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

		final Map<String, Person> byUsername = new ConcurrentHashMap<>();

		final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();

		void add(Person person) {
			this.users.createUser(User.withUsername(person.username()).password("{noop}" + PASSWORD).build());
			this.byUsername.put(person.username(), person);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class ProviderConfiguration {

		/**
		 * Tomcat with its default servlet: without a servlet for a path, Tomcat answers
		 * 404 before any filter, and every endpoint here is a filter of Spring
		 * Security's.
		 */
		@Bean
		TomcatServletWebServerFactory webServer() {
			TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
			tomcat.setRegisterDefaultServlet(true);
			return tomcat;
		}

		@Bean
		People people() {
			return new People();
		}

		@Bean
		InMemoryUserDetailsManager users(People people) {
			return people.users;
		}

		@Bean
		RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
			RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(environment.getRequiredProperty("test-provider.redirect-uri"))
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.EMAIL)
				.scope(OidcScopes.PROFILE)
				.clientSettings(
						ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
				.build();
			return new InMemoryRegisteredClientRepository(client);
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		/** What each person's ID token says about them. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokens(People people) {
			return (context) -> {
				Person person = people.byUsername.get(context.getPrincipal().getName());
				if (person == null || !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified());
				if (person.name() != null) {
					context.getClaims().claim("name", person.name());
				}
				if (person.amr() != null && !person.amr().isEmpty()) {
					context.getClaims().claim("amr", person.amr());
				}
				if (person.acr() != null) {
					context.getClaims().claim("acr", person.acr());
				}
			};
		}

		/** Records each authorization request's query before anything else sees it. */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		Filter authorizationRequests(People people) {
			return (request, response, chain) -> {
				HttpServletRequest http = (HttpServletRequest) request;
				if ("/oauth2/authorize".equals(http.getRequestURI()) && http.getParameter("response_type") != null) {
					Map<String, String> query = new java.util.LinkedHashMap<>();
					http.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
					people.authorizationRequests.add(query);
				}
				chain.doFilter(request, response);
			};
		}

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws IOException {
			http.oauth2AuthorizationServer((server) -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			});
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
			http.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signInForm(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

	}

}
