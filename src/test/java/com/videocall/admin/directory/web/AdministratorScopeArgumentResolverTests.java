package com.videocall.admin.directory.web;

import java.util.List;
import java.util.Set;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The scope is computed once per request, for the signed-in account only. */
class AdministratorScopeArgumentResolverTests {

	private static final long ACCOUNT = 42;

	private final AdministratorScopes scopes = mock(AdministratorScopes.class);

	private final AdministratorScopeArgumentResolver resolver = new AdministratorScopeArgumentResolver(this.scopes);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void resolvesTheSignedInAccountsScopeOncePerRequest() throws Exception {
		AdministratorScope scope = new AdministratorScope(ACCOUNT, false, Set.of(7L, 8L));
		when(this.scopes.forAccount(ACCOUNT)).thenReturn(scope);
		signIn(ACCOUNT);
		NativeWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

		AdministratorScope first = resolve(request, parameter("scoped", 0));
		AdministratorScope second = resolve(request, parameter("alsoScoped", 1));

		assertThat(first).isSameAs(scope);
		assertThat(second).isSameAs(scope);
		verify(this.scopes, times(1)).forAccount(ACCOUNT);
	}

	@Test
	void resolvesTheScopeAfreshForEachRequest() throws Exception {
		when(this.scopes.forAccount(ACCOUNT)).thenReturn(new AdministratorScope(ACCOUNT, false, Set.of(7L)),
				new AdministratorScope(ACCOUNT, false, Set.of()));
		signIn(ACCOUNT);

		AdministratorScope before = resolve(new ServletWebRequest(new MockHttpServletRequest()),
				parameter("scoped", 0));
		AdministratorScope after = resolve(new ServletWebRequest(new MockHttpServletRequest()), parameter("scoped", 0));

		assertThat(before.areaIds()).containsExactly(7L);
		assertThat(after.areaIds()).isEmpty();
		verify(this.scopes, times(2)).forAccount(ACCOUNT);
	}

	@Test
	void takesOnlyAdministratorScopeParameters() throws Exception {
		assertThat(this.resolver.supportsParameter(parameter("scoped", 0))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter("alsoScoped", 0))).isFalse();
		assertThat(this.resolver.supportsParameter(parameter("unscoped", 0))).isFalse();
	}

	@Test
	void refusesARequestWithoutASignedInAccount() throws Exception {
		NativeWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> resolve(request, parameter("scoped", 0)));
		verifyNoInteractions(this.scopes);
	}

	private AdministratorScope resolve(NativeWebRequest request, MethodParameter parameter) {
		return this.resolver.resolveArgument(parameter, null, request, null);
	}

	private static void signIn(long accountId) {
		AccountUser user = new AccountUser(accountId, "someone@example.org", "Someone", "{noop}x", true, List.of());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private static MethodParameter parameter(String method, int index) throws NoSuchMethodException {
		for (var candidate : Handlers.class.getDeclaredMethods()) {
			if (candidate.getName().equals(method)) {
				return new MethodParameter(candidate, index);
			}
		}
		throw new NoSuchMethodException(method);
	}

	/** Handler methods whose parameters the resolver is asked about. */
	@SuppressWarnings("unused")
	private static final class Handlers {

		void scoped(AdministratorScope scope) {
		}

		void alsoScoped(String name, AdministratorScope scope) {
		}

		void unscoped(Object something) {
		}

	}

}
