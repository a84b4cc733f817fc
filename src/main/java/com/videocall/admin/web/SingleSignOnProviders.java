package com.videocall.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers people may sign in with (SI5): each registration of Spring
 * Boot's {@code spring.security.oauth2.client.registration.*}, named by its
 * {@code client-name}. None is the default; then the pages offer no single sign-on and
 * its paths do not exist. Also whether an email's domain may only sign in with a provider
 * ({@code app.sso.required-for-domains}).
 */
@Component("singleSignOn")
public class SingleSignOnProviders {

	/**
	 * Where a provider's sign-in starts, followed by its registration id (Spring
	 * Security's path).
	 */
	public static final String START = "/oauth2/authorization";

	private final List<Provider> providers;

	private final Set<String> requiredForDomains;

	SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations,
			SingleSignOnProperties properties) {
		List<Provider> found = new ArrayList<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object registration : all) {
				if (registration instanceof ClientRegistration client) {
					found.add(new Provider(client.getRegistrationId(), client.getClientName()));
				}
			}
		}
		this.providers = List.copyOf(found);
		this.requiredForDomains = properties.requiredForDomains()
			.stream()
			.map((domain) -> domain.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		if (!this.requiredForDomains.isEmpty() && this.providers.isEmpty()) {
			throw new IllegalStateException("app.sso.required-for-domains needs a provider registered in "
					+ "spring.security.oauth2.client.registration.*: its people could not sign in at all");
		}
	}

	/** Every provider registered, in the order of the settings. */
	public List<Provider> all() {
		return this.providers;
	}

	public boolean any() {
		return !this.providers.isEmpty();
	}

	/** The providers' names, for a sentence ("Sign in with Contoso Health"). */
	public String names() {
		return this.providers.stream().map(Provider::name).collect(Collectors.joining(" or "));
	}

	/** The provider with this registration id, if there is one. */
	public Optional<Provider> withId(String registrationId) {
		return this.providers.stream()
			.filter((provider) -> provider.registrationId().equals(registrationId))
			.findFirst();
	}

	/**
	 * Whether this email's domain signs in only with a provider: its password sign-in is
	 * refused whatever the password, so the refusal says nothing about the account.
	 */
	public boolean requiredFor(String email) {
		if (email == null) {
			return false;
		}
		int at = email.strip().lastIndexOf('@');
		return at >= 0 && this.requiredForDomains.contains(email.strip().substring(at + 1).toLowerCase(Locale.ROOT));
	}

	/**
	 * A provider: its registration id (in {@code /oauth2/authorization/{id}}) and the
	 * name people see.
	 */
	public record Provider(String registrationId, String name) {

		/** Where its sign-in starts. */
		public String signInPath() {
			return START + "/" + this.registrationId;
		}

	}

}
